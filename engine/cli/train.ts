/**
 * Headless training from the command line:
 *
 *   npm run train -- --dataset mnist --model lecture-mnist --epochs 1 --batch 64 --lr 0.001 \
 *                    --backend cpu --data-dir ../shared/datasets/mnist
 *
 * Prints progress lines to stderr and, last, one JSON line on stdout with the test loss,
 * test accuracy, training images/s and wall time, so scripts can parse the result.
 */
import { createCpuModel } from '../cpu/model';
import { getPreset } from '../spec/presets';
import { summarize } from '../spec/summarize';
import { evaluate } from '../train/evaluate';
import { Trainer } from '../train/trainer';
import { ArgsError, parseTrainArgs, USAGE } from './args';
import { loadDatasetForCli } from './datasets';

async function main(): Promise<void> {
  const args = parseTrainArgs(process.argv.slice(2));
  const wallStart = performance.now();
  const preset = getPreset(args.model);
  const summary = summarize(preset.spec);
  const data = await loadDatasetForCli(args);
  const inputShape = summary.layers[0]!.outputShape;
  if (inputShape.join('x') !== data.train.shape.join('x')) {
    throw new ArgsError(
      `Model "${args.model}" expects ${inputShape.join('x')} inputs but ${args.dataset} images are ${data.train.shape.join('x')}.`,
    );
  }
  const log = (line: string): void => {
    if (!args.quiet) process.stderr.write(`${line}\n`);
  };
  log(
    `${args.model}: ${summary.totalParams.toLocaleString('en')} parameters; ${args.dataset}: ${data.train.count} train / ${data.test.count} test; backend ${args.backend}`,
  );

  const model = createCpuModel(preset.spec, { seed: args.seed, inputGradient: false });
  const trainer = new Trainer(model, data, {
    epochs: args.epochs,
    batchSize: args.batch,
    learningRate: args.lr,
    optimizer: { kind: args.optimizer },
    seed: args.seed,
    progressEvery: 50,
  });
  trainer.subscribe((event) => {
    if (event.type === 'progress') {
      const p = event.progress;
      log(
        `epoch ${p.epoch.toFixed(2)}  step ${p.step}/${p.totalSteps}  loss ${p.loss.toFixed(4)}  acc ${(100 * p.accuracy).toFixed(1)}%  ${Math.round(p.imagesPerSecond)} img/s`,
      );
    } else if (event.type === 'status' && event.message) {
      log(event.message);
    }
  });
  const result = await trainer.run();
  const test = evaluate(model, data.test, 256, 'crossEntropy');
  log(
    `test accuracy ${(100 * test.accuracy).toFixed(2)}%; per class: ${test.perClassAccuracy.map((a, i) => `${data.test.classNames[i]} ${(100 * a).toFixed(1)}%`).join(', ')}`,
  );
  const line = {
    model: args.model,
    dataset: args.dataset,
    backend: args.backend,
    epochs: args.epochs,
    batch: args.batch,
    status: result.status,
    loss: test.loss,
    accuracy: test.accuracy,
    trainLoss: result.train?.loss ?? null,
    imagesPerSecond: result.imagesPerSecond,
    wallTimeMs: Math.round(performance.now() - wallStart),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (result.status !== 'done') process.exitCode = 1;
}

main().catch((error: unknown) => {
  const known = error instanceof Error && error.name !== 'Error';
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof ArgsError) process.stderr.write(`${USAGE}\n`);
  else if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
});
