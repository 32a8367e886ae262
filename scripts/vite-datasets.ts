/**
 * The dev and preview servers' dataset service, so a student can get full MNIST and CIFAR-10 from
 * the page without a terminal:
 *   GET  api/datasets                  -> { mnist: DatasetStatus, cifar10: DatasetStatus }
 *   POST api/datasets/<name>/download  -> starts (or joins) the download; answers the status
 *   GET  data/<mnist|cifar10>/<file>   -> the downloaded files (preview serves dist/, which lacks them); HEAD too
 * Downloads run in the server with scripts/datasets/download.ts, the code behind `npm run fetch-data`
 * (same canonical URLs, same checksums, resume after an interruption).
 *
 * Environment: CONVLAB_DATA_DIR (where files go; default public/data), CONVLAB_DATA_BASE_URL (a
 * mirror laid out as URL/mnist/<file> and URL/cifar10/<file>, like fetch-data's --base-url),
 * CONVLAB_INCLUDE_DATASETS=1 (a build copies the downloaded datasets into dist/data/ so a deployed
 * site serves them itself; by default a build leaves them out).
 */
import { cpSync, createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { DATASET_NAMES, type DatasetName, downloadFile, planDownloads } from './datasets/download';

export interface DatasetStatus {
  readonly state: 'absent' | 'present' | 'downloading' | 'failed';
  /** The file being downloaded, 1-based, of `files`. */
  readonly file: number;
  readonly files: number;
  readonly received: number;
  readonly total: number | null;
  readonly error: string | null;
}

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const dataDir = (): string => resolve(process.env.CONVLAB_DATA_DIR ?? 'public/data');
const mirror = (): string | undefined => process.env.CONVLAB_DATA_BASE_URL || undefined;

function presentOnDisk(name: DatasetName): boolean {
  return planDownloads(name).every((job) => existsSync(join(dataDir(), job.dir, job.name)));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/** One download at a time per dataset; every POST joins the running one. */
class Downloads {
  private readonly running = new Map<DatasetName, Promise<void>>();
  private readonly status = new Map<DatasetName, DatasetStatus>();

  get(name: DatasetName): DatasetStatus {
    const live = this.status.get(name);
    if (live && live.state !== 'present') return live;
    const files = planDownloads(name).length;
    const state = presentOnDisk(name) ? 'present' : 'absent';
    return { state, file: state === 'present' ? files : 0, files, received: 0, total: null, error: null };
  }

  start(name: DatasetName): DatasetStatus {
    if (this.get(name).state === 'present' || this.running.has(name)) return this.get(name);
    const jobs = planDownloads(name, mirror());
    const set = (patch: Partial<DatasetStatus>): void => {
      this.status.set(name, { ...this.get(name), ...patch });
    };
    set({ state: 'downloading', file: 1, files: jobs.length, received: 0, total: null, error: null });
    const run = (async () => {
      for (const [i, job] of jobs.entries()) {
        set({ file: i + 1, received: 0, total: null });
        await downloadFile(job, {
          outDir: dataDir(),
          retries: 3,
          onProgress: ({ received, total }) => set({ received, total }),
        });
      }
      set({ state: 'present' });
    })()
      .catch((error: Error) => set({ state: 'failed', error: error.message }))
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
    return this.get(name);
  }
}

/**
 * Serves data/<dataset>/<file> from the data folder: only the known file names, nothing else. A HEAD
 * request gets the headers alone (the lessons ask with HEAD whether a dataset is here).
 */
function serveFile(name: DatasetName, file: string, res: ServerResponse, head: boolean): boolean {
  const job = planDownloads(name).find((j) => j.name === file);
  if (!job) return false;
  const path = join(dataDir(), job.dir, job.name);
  if (!existsSync(path)) return false;
  res.statusCode = 200;
  res.setHeader('content-type', 'application/octet-stream');
  res.setHeader('content-length', String(statSync(path).size));
  if (head) res.end();
  else createReadStream(path).pipe(res);
  return true;
}

function middleware(downloads: Downloads): Handler {
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path === '/api/datasets' && req.method === 'GET') {
      sendJson(res, 200, Object.fromEntries(DATASET_NAMES.map((n) => [n, downloads.get(n)])));
      return;
    }
    const start = /^\/api\/datasets\/([a-z0-9]+)\/download$/.exec(path);
    if (start && req.method === 'POST') {
      const name = start[1] as DatasetName;
      if (!DATASET_NAMES.includes(name)) {
        sendJson(res, 404, { error: `No dataset called "${name}"; there are ${DATASET_NAMES.join(' and ')}.` });
        return;
      }
      sendJson(res, 202, downloads.start(name));
      return;
    }
    const file = /^\/data\/(mnist|cifar10)\/([^/]+)$/.exec(path);
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (file && read && serveFile(file[1] as DatasetName, file[2] ?? '', res, req.method === 'HEAD')) return;
    next();
  };
}

/** Copies (or leaves out) the datasets in a build: see CONVLAB_INCLUDE_DATASETS above. */
function placeDatasetsInBuild(config: ResolvedConfig): void {
  const out = resolve(config.root, config.build.outDir, 'data');
  const include = process.env.CONVLAB_INCLUDE_DATASETS === '1';
  for (const name of DATASET_NAMES) {
    const dir = planDownloads(name)[0]!.dir;
    rmSync(join(out, dir), { recursive: true, force: true });
    if (!include) continue;
    if (!presentOnDisk(name)) {
      throw new Error(
        `CONVLAB_INCLUDE_DATASETS=1 but ${name} is not in ${dataDir()}: run \`npm run fetch-data\` first.`,
      );
    }
    for (const job of planDownloads(name)) cpSync(join(dataDir(), job.dir, job.name), join(out, job.dir, job.name));
  }
}

export function datasetServer(): Plugin {
  const downloads = new Downloads();
  let config: ResolvedConfig;
  return {
    name: 'convlab-datasets',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(middleware(downloads));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(downloads));
    },
    closeBundle() {
      if (config.command === 'build') placeDatasetsInBuild(config);
    },
  };
}
