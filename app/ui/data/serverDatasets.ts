/**
 * The dev/preview server's dataset service (scripts/vite-datasets.ts), seen from the page: which
 * full datasets the server has, and a download it runs for us, polled for progress. On a static
 * host there is no such service: `service` stays 'none' and no Download button is offered.
 */
import { create } from 'zustand';

export type ServerDataset = 'mnist' | 'cifar10';

export interface ServerDatasetStatus {
  readonly state: 'absent' | 'present' | 'downloading' | 'failed';
  readonly file: number;
  readonly files: number;
  readonly received: number;
  readonly total: number | null;
  readonly error: string | null;
}

interface ServerDatasetsState {
  readonly service: 'unknown' | 'none' | 'available';
  readonly datasets: Partial<Record<ServerDataset, ServerDatasetStatus>>;
}

export const useServerDatasets = create<ServerDatasetsState>(() => ({ service: 'unknown', datasets: {} }));

export const DATASET_TITLES: Readonly<Record<ServerDataset, { readonly title: string; readonly size: string }>> = {
  mnist: { title: 'full MNIST', size: '11 MB' },
  cifar10: { title: 'CIFAR-10', size: '163 MB' },
};

const POLL_MS = 500;
let polling: ReturnType<typeof setTimeout> | null = null;

function apiUrl(path: string): string {
  return new URL(`api/datasets${path}`, document.baseURI).href;
}

function isStatus(value: unknown): value is ServerDatasetStatus {
  return typeof value === 'object' && value !== null && typeof (value as ServerDatasetStatus).state === 'string';
}

function accept(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const datasets: Partial<Record<ServerDataset, ServerDatasetStatus>> = {};
  for (const name of ['mnist', 'cifar10'] as const) {
    const status = (body as Record<string, unknown>)[name];
    if (isStatus(status)) datasets[name] = status;
  }
  useServerDatasets.setState({ service: 'available', datasets });
  const busy = Object.values(datasets).some((d) => d?.state === 'downloading');
  if (busy && polling === null) {
    polling = setTimeout(() => {
      polling = null;
      void refreshServerDatasets();
    }, POLL_MS);
  }
}

/** Asks the server what it has; a static host (404, HTML) means no service. */
export async function refreshServerDatasets(): Promise<void> {
  try {
    const response = await fetch(apiUrl(''), { cache: 'no-store' });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) {
      useServerDatasets.setState({ service: 'none' });
      return;
    }
    accept(await response.json());
  } catch {
    useServerDatasets.setState({ service: 'none' });
  }
}

/** Starts (or joins) the server's download of `name`; progress arrives through the store. */
export async function startServerDownload(name: ServerDataset): Promise<void> {
  try {
    const response = await fetch(apiUrl(`/${name}/download`), { method: 'POST' });
    if (!response.ok) throw new Error(String(response.status));
    await response.json();
  } catch {
    useServerDatasets.setState((s) => ({
      datasets: {
        ...s.datasets,
        [name]: {
          state: 'failed',
          file: 0,
          files: 0,
          received: 0,
          total: null,
          error: 'The server did not start the download. Is `npm start` still running?',
        },
      },
    }));
    return;
  }
  await refreshServerDatasets();
}
