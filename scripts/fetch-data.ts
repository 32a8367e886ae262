/**
 * `npm run fetch-data [-- --only mnist|cifar10] [--base-url URL] [--out DIR] [--retries N]`
 *
 * Downloads full MNIST (the four official gzip files) and CIFAR-10 (cifar-10-binary.tar.gz) into
 * public/data/mnist/ and public/data/cifar10/ (gitignored; the app serves them), verifying md5
 * checksums and resuming an interrupted download. Files already present with a known-good checksum
 * are skipped, so it is safe to rerun. --base-url points at a mirror laid out as URL/mnist/<name>
 * and URL/cifar10/<name>. The same code (scripts/datasets/download.ts) serves the app's Download
 * buttons. Progress goes to stderr; the exit status is non-zero if any file failed.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type DatasetName,
  type DownloadJob,
  downloadFile,
  type FileProgress,
  planDownloads,
} from './datasets/download';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'base-url': { type: 'string' },
    out: { type: 'string' },
    retries: { type: 'string', default: '3' },
    'retry-delay-ms': { type: 'string', default: '1000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log('usage: npm run fetch-data -- [--only mnist|cifar10] [--base-url URL] [--out DIR] [--retries N]');
  process.exit(0);
}
if (args.only !== undefined && args.only !== 'mnist' && args.only !== 'cifar10') {
  console.error(`fetch-data: --only must be "mnist" or "cifar10", not "${args.only}".`);
  process.exit(2);
}
const outDir = resolve(args.out ?? join(root, 'public', 'data'));
const mirror = args['base-url'];
const datasets: DatasetName[] = args.only ? [args.only as DatasetName] : ['mnist', 'cifar10'];

const megabytes = (n: number): string => (n / 1e6).toFixed(1);
let lastReport = 0;
function report({ job, received, total }: FileProgress): void {
  const now = Date.now();
  if (now - lastReport < 1000) return;
  lastReport = now;
  const pct = total ? ` ${Math.floor((100 * received) / total)}%` : '';
  process.stderr.write(
    `  ${job.dir}/${job.name}${pct} ${megabytes(received)}${total ? `/${megabytes(total)}` : ''} MB\n`,
  );
}

let failed = 0;
const jobs: DownloadJob[] = datasets.flatMap((d) => planDownloads(d, mirror));
for (const job of jobs) {
  try {
    await downloadFile(job, {
      outDir,
      retries: Math.max(0, Number(args.retries) || 0),
      retryDelayMs: Math.max(0, Number(args['retry-delay-ms']) || 0),
      onProgress: report,
      onMessage: (line) => process.stderr.write(`fetch-data: ${line}\n`),
    });
  } catch (error) {
    failed++;
    const hint =
      mirror && /HTTP 404/.test((error as Error).message) ? ` (a mirror must hold ${job.dir}/${job.name})` : '';
    process.stderr.write(`fetch-data: FAILED: ${(error as Error).message}${hint}\n`);
  }
}
if (failed > 0) {
  process.stderr.write(`fetch-data: ${failed} file(s) failed; see the messages above.\n`);
  process.exit(1);
}
console.log(`fetch-data: all files are in ${outDir}`);
