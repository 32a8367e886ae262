/**
 * What every exporter (ONNX, PyTorch, TensorFlow.js) takes and gives back. An exporter is a pure
 * function from a trained model to a list of files; the CLI writes them under DIR/<format>/ and the
 * studio's Saved tab zips them, so neither knows anything about a format.
 */
import type { NamedArrays } from '../cpu/weights';
import type { ModelSpec } from '../spec/types';

export type ExportFormat = 'onnx' | 'pytorch' | 'tfjs';

export interface ExportInput {
  readonly spec: ModelSpec;
  /** Every param and buffer by ConvLab's name ("conv2d_1.weight", "batchnorm_2.runningMean"). */
  readonly weights: NamedArrays;
  /** The dataset the model was trained on, when known: predict/train scripts read its official files. */
  readonly dataset: 'mnist' | 'cifar10' | null;
  readonly classNames: readonly string[];
}

/** One file of an export, its path relative to the format's folder ("model.onnx", "weights/x.bin"). */
export interface ExportFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export type Exporter = (input: ExportInput) => Promise<readonly ExportFile[]>;
