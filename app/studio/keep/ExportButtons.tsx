/**
 * "Take it further": buttons that export a model (the current one, or one kept in this browser) to
 * ONNX, PyTorch or TensorFlow.js and download the files as one zip made in the page. Each exporter
 * (engine/export imports them lazily) and fflate load when a button is pressed, not before. The outcome
 * (what was downloaded, or why this model cannot go to that format) is said in the Saved tab's
 * message line, like every other keep action.
 */

import type { ReactElement } from 'react';
import {
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportInput,
  exportModel,
} from '../../../engine/export';
import { downloadBytes } from '../../ui/download';
import { errorText } from '../controller';
import * as db from './db';
import { patchKeep, useKeep } from './keepStore';
import { decodeModelFile, fileNameFor, MODEL_FILE_EXTENSION, type ModelFile } from './modelFile';
import { snapshotModel } from './snapshot';

/** Where the model to export comes from. */
export type ExportSource =
  | { readonly kind: 'current'; readonly name: string }
  | { readonly kind: 'saved'; readonly id: number };

async function modelFor(source: ExportSource): Promise<ModelFile> {
  if (source.kind === 'current') return snapshotModel(source.name);
  const bytes = await db.getModelBytes(source.id);
  if (!bytes) throw new Error('That model is no longer in this browser’s storage.');
  return decodeModelFile(bytes);
}

export function exportInputFor(file: ModelFile): ExportInput {
  const choice = file.dataset.choice;
  return {
    spec: file.spec,
    weights: Object.fromEntries(file.weights.map((t) => [t.name, t.data])),
    dataset: choice === 'mnist' || choice === 'embedded-mnist' ? 'mnist' : choice === 'cifar10' ? 'cifar10' : null,
    classNames: file.dataset.classNames,
  };
}

/** Text compresses well; weights hardly do, so they are stored (and the zip is made at once). */
const STORED = /\.(onnx|bin|safetensors)$/;

async function zipFor(folder: string, files: readonly { path: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const entries = Object.fromEntries(
    files.map((f) => [`${folder}/${f.path}`, [f.bytes, { level: STORED.test(f.path) ? 0 : 6 }] as const]),
  );
  return zipSync(entries as Parameters<typeof zipSync>[0]);
}

export async function exportAndDownload(source: ExportSource, format: ExportFormat): Promise<boolean> {
  const label = EXPORT_FORMAT_LABELS[format];
  patchKeep({ busy: `Exporting to ${label}…`, message: null });
  try {
    const file = await modelFor(source);
    const files = await exportModel(format, exportInputFor(file));
    const folder = `${fileNameFor(file.name).slice(0, -MODEL_FILE_EXTENSION.length)}-${format}`;
    downloadBytes(await zipFor(folder, files), `${folder}.zip`, 'application/zip');
    patchKeep({
      busy: null,
      message: {
        kind: 'ok',
        text: `Downloaded ${folder}.zip: “${file.name}” for ${label} (${files.length} ${files.length === 1 ? 'file' : 'files'}).`,
      },
    });
    return true;
  } catch (error) {
    patchKeep({ busy: null, message: { kind: 'error', text: `Could not export to ${label}: ${errorText(error)}` } });
    return false;
  }
}

export function ExportButtons({ source }: { readonly source: ExportSource }): ReactElement {
  const busy = useKeep((s) => s.busy !== null);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of buttons, not a form field set
    <div
      className="button-row keep-export"
      role="group"
      aria-label="Export to another framework"
      data-testid="export-buttons"
    >
      <span className="muted">Export to</span>
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button--small"
          disabled={busy}
          data-format={format}
          onClick={() => void exportAndDownload(source, format)}
        >
          {EXPORT_FORMAT_LABELS[format]}
        </button>
      ))}
    </div>
  );
}
