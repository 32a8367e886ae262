/**
 * `npm run fuzz`: the issue-14 campaign. 3,000 seeded mutations per parser (IDX, CIFAR-10 tar.gz,
 * .convlab, spec JSON, share links, and issue 13's own-images set zip) in batches, each batch in
 * its own Node process with a capped heap, then every hostile case of the issues in a process of
 * its own. Each case's time is the parser call alone, and its peak memory the process's peak RSS
 * while the parser ran (Linux VmHWM, reset after the case was built: Node itself, the seeds and
 * the input are included; the generator's own garbage is not). "idle RSS" is a process with its
 * seeds built and no case run. A crash or hang is pinned on the case that was running. Prints one
 * table per part. A measurement, not a test: it asserts nothing, and exits 1 only if a case was
 * not refused in words.
 *
 * Environment: FUZZ_CASES (per parser, 3000), FUZZ_SEED (14), FUZZ_BATCH (cases per process, 500),
 * FUZZ_PARSERS (comma list), FUZZ_HOSTILE=0 to skip the hostile cases, FUZZ_HEAP_MB (2048).
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_CASES } from '../tests/fuzz/hostile';
import { PARSER_LABELS, PARSERS, type ParserName } from '../tests/fuzz/targets';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const BATCH = Number(process.env.FUZZ_BATCH ?? 500);
const HEAP_MB = Number(process.env.FUZZ_HEAP_MB ?? 2048);
const SLOW_MS = 3000;
/** A batch that has not finished in this long is stopped and its running case counted as hung. */
const BATCH_TIMEOUT_MS = 20 * 60_000;
const parsers = (process.env.FUZZ_PARSERS?.split(',') ?? PARSERS) as ParserName[];

interface CaseLine {
  readonly index: number;
  readonly how: string;
  readonly verdict: { kind: string; message?: string };
  readonly ms: number;
  readonly peakMiB: number;
}

interface ChildResult {
  readonly cases: CaseLine[];
  readonly baselineMiB: number;
  /** Set when the process died or hung: the case it was running and why. */
  readonly lost: { index: number; why: string } | null;
}

/** Runs one child and collects its lines; never rejects. */
function child(args: string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((done) => {
    const proc = spawn(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MB}`,
        '--expose-gc',
        '--import',
        'tsx',
        resolve(repo, 'scripts/fuzz-batch.ts'),
        ...args,
      ],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const cases: CaseLine[] = [];
    let baselineMiB = 0;
    let running = -1;
    let pending = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.stdout.on('data', (data: Buffer) => {
      pending += data.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const msg = JSON.parse(line) as { type: string } & Partial<CaseLine> & { baselineMiB?: number };
        if (msg.type === 'ready') baselineMiB = msg.baselineMiB!;
        else if (msg.type === 'start') running = msg.index!;
        else if (msg.type === 'case') {
          cases.push(msg as CaseLine);
          running = -1;
        }
      }
    });
    proc.stderr.on('data', (data: Buffer) => {
      stderr = (stderr + data.toString()).slice(-2000);
    });
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const failed = timedOut || code !== 0 || running >= 0;
      const why = timedOut
        ? 'still running when the batch timed out'
        : `process ended (${signal ?? code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`;
      done({ cases, baselineMiB, lost: failed ? { index: running, why } : null });
    });
  });
}

const mib = (n: number): string => `${Math.round(n)} MiB`;
const pad = (cells: string[], widths: number[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
const say = (line = ''): void => void process.stdout.write(`${line}\n`);

async function mutationCampaign(): Promise<number> {
  let untypedTotal = 0;
  const widths = [22, 6, 9, 10, 9, 9, 13];
  const rows: string[] = [pad(['parser', 'cases', 'untyped', 'over 3 s', 'slowest', 'peak RSS', 'idle RSS'], widths)];
  const findings: string[] = [];
  for (const parser of parsers) {
    let count = 0;
    let untyped = 0;
    let slow = 0;
    let slowest = 0;
    let peak = 0;
    let baseline = 0;
    for (let start = 0; start < CASES; start += BATCH) {
      const n = Math.min(BATCH, CASES - start);
      process.stderr.write(`${parser}: cases ${start}-${start + n - 1}\n`);
      const r = await child(['cases', parser, String(SEED), String(start), String(n)], BATCH_TIMEOUT_MS);
      baseline = Math.max(baseline, r.baselineMiB);
      for (const c of r.cases) {
        count++;
        slowest = Math.max(slowest, c.ms);
        peak = Math.max(peak, c.peakMiB);
        if (c.ms > SLOW_MS) {
          slow++;
          findings.push(`${parser} #${c.index} (${c.how}) took ${Math.round(c.ms)} ms`);
        }
        if (c.verdict.kind === 'untyped') {
          untyped++;
          findings.push(`${parser} #${c.index} (${c.how}): ${c.verdict.message}`);
        }
      }
      if (r.lost) {
        count++;
        untyped++;
        slow++;
        findings.push(`${parser} #${r.lost.index}: ${r.lost.why}`);
      }
    }
    untypedTotal += untyped;
    rows.push(
      pad(
        [
          PARSER_LABELS[parser],
          String(count),
          String(untyped),
          String(slow),
          `${Math.round(slowest)} ms`,
          mib(peak),
          mib(baseline),
        ],
        widths,
      ),
    );
  }
  say(`Mutation campaign: ${CASES} cases per parser, seed ${SEED}, ${BATCH} per process, heap cap ${HEAP_MB} MB`);
  for (const row of rows) say(row);
  for (const f of findings.slice(0, 50)) say(`  ${f}`);
  if (findings.length > 50) say(`  … and ${findings.length - 50} more`);
  return untypedTotal;
}

async function hostileCampaign(): Promise<number> {
  let failures = 0;
  const widths = [8, 58, 9, 9, 9];
  say();
  say('Hostile cases of issues 14 and 13, one process each');
  say(pad(['parser', 'case', 'verdict', 'time', 'peak RSS'], widths));
  for (const [i, hostile] of HOSTILE_CASES.entries()) {
    if (!parsers.includes(hostile.parser)) continue;
    const r = await child(['hostile', String(i)], 5 * 60_000);
    const c = r.cases[0];
    const verdict = c ? c.verdict.kind : 'lost';
    if (verdict !== (hostile.expected ?? 'refused')) failures++;
    say(
      pad(
        [hostile.parser, hostile.name, verdict, c ? `${Math.round(c.ms)} ms` : '-', c ? mib(c.peakMiB) : '-'],
        widths,
      ) + (c ? `  ${(c.verdict.message ?? '').slice(0, 110)}` : `  ${r.lost?.why ?? ''}`),
    );
  }
  return failures;
}

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
say(`Load average at the start: ${load()} on ${cpus().length} cores (times on a loaded machine run long).`);
const untyped = await mutationCampaign();
const hostileFailures = process.env.FUZZ_HOSTILE === '0' ? 0 : await hostileCampaign();
say(`Load average at the end: ${load()}`);
process.exitCode = untyped + hostileFailures > 0 ? 1 : 0;
