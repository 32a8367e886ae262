/** README.txt of the PyTorch export: what each file is and how to run it on one and two processes. */

export function readmeTxt(title: string, dataset: 'mnist' | 'cifar10' | null): string {
  const dir = dataset === 'cifar10' ? 'path/to/cifar10' : 'path/to/mnist';
  const files =
    dataset === 'cifar10'
      ? 'cifar-10-binary.tar.gz (or a folder with it, or its extracted cifar-10-batches-bin/*.bin)'
      : 'the four official MNIST files (train-/t10k-images-idx3-ubyte, train-/t10k-labels-idx1-ubyte; .gz or not)';
  return `${title}, exported from ConvLab to PyTorch
${'='.repeat(title.length + 33)}

Files
  model.py               the network as a torch.nn.Module (ConvLabModel), one attribute per layer named
                         after its ConvLab id; loads and saves weights under ConvLab's names
  weights.safetensors    every weight and batch-norm statistic, float32, names as in ConvLab
                         (read by model.py with numpy alone: no extra package needed)
  spec.json              the ConvLab model spec the code was generated from
  data.py                reads the official dataset files; ConvLab's preprocessing (pixel / 255)
  predict.py             test-set accuracy, one JSON line
  train.py               continues training, on one process or many (torchrun)

Needs Python 3 with PyTorch and numpy (on Debian: apt install python3-torch, then use /usr/bin/python3).
--data-dir is the folder with ${files}.

Test accuracy
  python3 predict.py --data-dir ${dir}
  -> one line: {"accuracy": ..., "correct": ..., "total": 10000}

Continue training, one process
  python3 train.py --data-dir ${dir} --epochs 1 --lr 0.001 --batch-size 64
  python3 predict.py --data-dir ${dir} --weights trained.safetensors

Continue training, two processes (DistributedDataParallel: gloo on CPU, nccl on GPUs)
  torchrun --standalone --nproc_per_node=2 train.py --data-dir ${dir} --epochs 1
  With Debian 12's python3-torch (torch 1.13 on Python 3.11) torchrun stops at once with
  "AttributeError: 'NoneType' object has no attribute 'get'": its default --redirects 0 does not
  parse there. Give it a stream to redirect and tee instead, which works on every version:
  torchrun --standalone --nproc_per_node=2 --redirects 2 --tee 2 train.py --data-dir ${dir} --epochs 1
  Each process takes --batch-size images per step from its own share of the data, so a step sees
  2 x batch-size images. On several machines, run torchrun on each with --nnodes, --node_rank and
  --rdzv_endpoint (see torchrun --help).

train.py options: --steps N (instead of --epochs), --optimizer sgd|momentum|adam (--nesterov),
--schedule constant|step|exponential|cosine, --warmup N, --loss cross-entropy|hinge, --l1, --l2,
--log-every N, --weights (start from), --save (write to), --device cpu|cuda. Rank 0 prints one JSON
line every --log-every steps, {"step", "epoch", "loss"}, and saves the weights at the end.
Not carried over from ConvLab: data augmentation (flip, crop, jitter) and the validation split.

In your own code
  from model import ConvLabModel
  model = ConvLabModel().load_convlab_weights("weights.safetensors").eval()
  logits = model(images)        # images: float tensor [N, C, H, W], pixel values / 255
`;
}
