/**
 * What an exported model's input is, in words, for the file's own documentation (the ONNX graph's
 * doc string, TF.js's model.json). ConvLab scales pixels in exactly one place, engine/data/batch.ts
 * gatherBatch: byte / 255, no mean or standard deviation, so an exported model takes exactly that.
 */
import type { ExportInput } from './types';

export function describeInput(input: ExportInput, layout: 'NCHW' | 'NHWC'): string {
  const first = input.spec.layers[0];
  const [c, h, w] = first?.type === 'input' ? first.shape : [0, 0, 0];
  const dims = layout === 'NCHW' ? `[batch, ${c}, ${h}, ${w}]` : `[batch, ${h}, ${w}, ${c}]`;
  const source =
    input.dataset === 'mnist'
      ? "MNIST images (the IDX files' bytes, 0 = background)"
      : input.dataset === 'cifar10'
        ? "CIFAR-10 images (the binary files' bytes, channels red, green, blue)"
        : 'images';
  return (
    `Input: float32 ${dims} (${layout}), ${source} with every pixel byte divided by 255, so values lie ` +
    "in [0, 1]; no mean is subtracted and nothing is divided by a standard deviation (ConvLab's " +
    'engine/data/batch.ts gatherBatch). Output: the logits, one per class' +
    (input.classNames.length > 0 ? ` (${input.classNames.join(', ')})` : '') +
    ', and a softmax output as well when the spec ends in a softmax layer.'
  );
}
