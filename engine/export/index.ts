/**
 * The one entry for exporting a model. Each format's code is imported only when it is used, so
 * protobufjs and the exporters never land in a lesson's first load (the studio's Export buttons and
 * the CLI call this after the student asks).
 */
import { ExportError } from './errors';
import type { ExportFile, ExportFormat, ExportInput } from './types';

export { ExportError } from './errors';
export type { Exporter, ExportFile, ExportFormat, ExportInput } from './types';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['onnx', 'pytorch', 'tfjs'];

/** What each format is called in messages and on buttons. */
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  onnx: 'ONNX',
  pytorch: 'PyTorch',
  tfjs: 'TensorFlow.js',
};

/** The files of `input` in `format`, paths relative to that format's folder. */
export async function exportModel(format: ExportFormat, input: ExportInput): Promise<readonly ExportFile[]> {
  switch (format) {
    case 'onnx':
      return (await import('./onnx')).exportOnnx(input);
    case 'pytorch':
      return (await import('./pytorch')).exportPytorch(input);
    case 'tfjs':
      return (await import('./tfjs')).exportTfjs(input);
  }
}

function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/**
 * "onnx,pytorch,tfjs" (any order, spaces allowed, case-insensitive) -> the formats, each once.
 * An empty list or an unknown name is an ExportError that lists the formats there are.
 */
export function parseExportFormats(text: string): ExportFormat[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) {
    throw new ExportError(`Name at least one export format: ${EXPORT_FORMATS.join(', ')}.`);
  }
  const formats: ExportFormat[] = [];
  for (const name of names) {
    if (!isExportFormat(name)) {
      throw new ExportError(`"${name}" is not an export format; the formats are ${EXPORT_FORMATS.join(', ')}.`);
    }
    if (!formats.includes(name)) formats.push(name);
  }
  return formats;
}
