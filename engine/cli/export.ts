/**
 * `--export onnx,pytorch,tfjs --out DIR` for `npm run train`: after training, each format's files
 * go under DIR/<format>/ (DIR/onnx/model.onnx, DIR/pytorch/..., DIR/tfjs/model.json + shards).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { NamedArrays } from '../cpu/weights';
import { type ExportFormat, exportModel } from '../export';
import type { ModelSpec } from '../spec/types';
import type { DatasetName } from './args';

export interface CliExport {
  readonly formats: readonly ExportFormat[];
  readonly out: string;
  readonly spec: ModelSpec;
  readonly weights: NamedArrays;
  readonly dataset: DatasetName;
  readonly classNames: readonly string[];
}

/** Writes every format; returns each format's folder. */
export async function writeExports(job: CliExport): Promise<Record<string, string>> {
  const input = {
    spec: job.spec,
    weights: job.weights,
    dataset: job.dataset === 'cifar10' ? ('cifar10' as const) : ('mnist' as const),
    classNames: job.classNames,
  };
  const folders: Record<string, string> = {};
  for (const format of job.formats) {
    const folder = resolve(job.out, format);
    for (const file of await exportModel(format, input)) {
      const path = join(folder, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.bytes);
    }
    folders[format] = folder;
  }
  return folders;
}
