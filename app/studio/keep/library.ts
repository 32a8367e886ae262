/**
 * Keep and share, the Saved tab's actions: save the current model under a name, list, load,
 * delete, export to a .convlab file, import one (file picker or drop), and the share link.
 * Every outcome is reported in place through the keep store; nothing here throws to the UI.
 */
import { useStudio } from '../../stores/studio';
import { downloadBytes } from '../../ui/download';
import { errorText } from '../controller';
import { markSavedCopy } from './autosave';
import * as db from './db';
import { loadIntoStudio } from './install';
import { patchKeep, useKeep } from './keepStore';
import {
  decodeModelFile,
  encodeModelFile,
  fileNameFor,
  MODEL_FILE_EXTENSION,
  type ModelFile,
  readModelFile,
} from './modelFile';
import { shareUrl } from './share';
import { metaFor, snapshotModel } from './snapshot';

/** Runs one action with a busy line, and turns its outcome into the panel's message. */
async function act(busy: string, body: () => Promise<string>): Promise<boolean> {
  patchKeep({ busy, message: null });
  try {
    const text = await body();
    patchKeep({ busy: null, message: { kind: 'ok', text } });
    return true;
  } catch (error) {
    patchKeep({ busy: null, message: { kind: 'error', text: errorText(error) } });
    return false;
  }
}

export async function refreshSaved(): Promise<void> {
  try {
    patchKeep({ saved: await db.listModels() });
  } catch (error) {
    patchKeep({ saved: [], storageError: `Saving in this browser is unavailable: ${errorText(error)}.` });
  }
}

function storageProblem(): Error | null {
  const problem = useKeep.getState().storageError;
  return problem ? new Error(`${problem} Export the model to a file instead.`) : null;
}

export function saveCurrent(name: string): Promise<boolean> {
  return act('Saving…', async () => {
    const blocked = storageProblem();
    if (blocked) throw blocked;
    const built = useStudio.getState().built;
    const file = await snapshotModel(name);
    const bytes = encodeModelFile(file);
    const id = await db.putModel(metaFor(file, bytes.length), bytes);
    markSavedCopy(built);
    await refreshSaved();
    patchKeep({ highlight: id });
    return `Saved “${file.name}” in this browser.`;
  });
}

async function readSaved(id: number): Promise<{ meta: db.SavedModelMeta; bytes: Uint8Array }> {
  const meta = useKeep.getState().saved?.find((m) => m.id === id);
  const bytes = await db.getModelBytes(id);
  if (!meta || !bytes) throw new Error('That model is no longer in this browser’s storage.');
  return { meta, bytes };
}

export function loadSaved(id: number): Promise<boolean> {
  return act('Loading…', async () => {
    const { meta, bytes } = await readSaved(id);
    const file = decodeModelFile(bytes);
    await loadIntoStudio(file, true);
    patchKeep({ highlight: id });
    return `Loaded “${meta.name}”: the model, its weights and hyperparameters. Training continues from these weights.`;
  });
}

export function deleteSaved(id: number): Promise<boolean> {
  return act('Deleting…', async () => {
    const name = useKeep.getState().saved?.find((m) => m.id === id)?.name ?? 'the model';
    await db.deleteModel(id);
    await refreshSaved();
    return `Deleted “${name}”.`;
  });
}

export function exportSaved(id: number): Promise<boolean> {
  return act('Exporting…', async () => {
    const { meta, bytes } = await readSaved(id);
    const name = fileNameFor(meta.name);
    downloadBytes(bytes, name);
    return `Downloaded ${name}.`;
  });
}

export function exportCurrent(name: string): Promise<boolean> {
  return act('Exporting…', async () => {
    const file = await snapshotModel(name);
    const fileName = fileNameFor(file.name);
    downloadBytes(encodeModelFile(file), fileName);
    return `Downloaded ${fileName}.`;
  });
}

/** Checks each file strictly; the good ones go to the Saved list (or, without storage, straight into the studio). */
export function importFiles(files: readonly File[]): Promise<boolean> {
  return act(files.length > 1 ? `Reading ${files.length} files…` : 'Reading the file…', async () => {
    if (storageProblem() && files.length > 1) {
      throw new Error('This browser cannot keep models: import one file at a time to load it straight away.');
    }
    const done: string[] = [];
    const problems: string[] = [];
    let lastId: number | null = null;
    let only: ModelFile | null = null;
    for (const f of files) {
      try {
        const { file, bytes } = await readModelFile(f);
        if (storageProblem()) only = file;
        else lastId = await db.putModel(metaFor(file, bytes.length), bytes);
        done.push(`“${file.name}”`);
      } catch (error) {
        problems.push(`${f.name}: ${errorText(error)}`);
      }
    }
    if (only && files.length === 1) {
      await loadIntoStudio(only, false);
      return `Loaded “${only.name}” (this browser cannot keep it; export it to keep it).`;
    }
    await refreshSaved();
    if (lastId !== null) patchKeep({ highlight: lastId });
    if (problems.length > 0) {
      const prefix = done.length > 0 ? `Imported ${done.join(', ')}, but not everything. ` : '';
      throw new Error(`${prefix}${problems.join(' ')}`);
    }
    return `Imported ${done.join(', ')}: it is in the list below; Load it to use it.`;
  });
}

export const ACCEPT = `${MODEL_FILE_EXTENSION},application/octet-stream`;

export async function copyShareLink(): Promise<void> {
  const s = useStudio.getState();
  const link = shareUrl(window.location.href, {
    dataset: s.dataset.choice,
    validation: s.dataset.validation,
    presetKey: s.presetKey,
    draft: s.draft,
    hyper: s.hyper,
  });
  patchKeep({ shareLink: link, shareCopied: null });
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(link);
    patchKeep({ shareCopied: 'copied' });
  } catch {
    patchKeep({ shareCopied: 'failed' });
  }
}
