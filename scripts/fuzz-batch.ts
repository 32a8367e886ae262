/**
 * One child process of `npm run fuzz` (scripts/fuzz-campaign.ts): runs a range of fuzz cases, or
 * one hostile case, and prints a JSON line per case (time, verdict, heap growth, and the peak RSS
 * while the parser ran: the whole process, Node and the case's input included), so the parent can
 * also attribute a crash or a hang to the case that was running.
 *
 *   node --expose-gc --import tsx scripts/fuzz-batch.ts cases <parser> <seed> <start> <count>
 *   node --expose-gc --import tsx scripts/fuzz-batch.ts hostile <index>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { HOSTILE_CASES } from '../tests/fuzz/hostile';
import { caseMaker, runCase } from '../tests/fuzz/run-cases';
import type { ParserName } from '../tests/fuzz/targets';

const say = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

/**
 * Peak resident memory in MiB since the last `resetPeak`: Linux's VmHWM, which writing 5 to
 * /proc/self/clear_refs resets to the current RSS. Elsewhere the process's lifetime maxRSS, which
 * also counts what the case generators allocated (an overstatement, never an understatement).
 */
function peakMiB(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb) return Number(kb[1]) / 1024;
  } catch {
    // No /proc: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Collects the generator's garbage, then restarts the peak from the current RSS. */
function resetPeak(): void {
  (globalThis as { gc?: () => void }).gc?.();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: peakMiB stays the lifetime peak.
  }
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'cases') {
    const [parser, seed, start, count] = [args[0] as ParserName, Number(args[1]), Number(args[2]), Number(args[3])];
    caseMaker(parser);
    resetPeak();
    say({ type: 'ready', baselineMiB: peakMiB() });
    for (let i = start; i < start + count; i++) {
      say({ type: 'start', index: i });
      const r = await runCase(parser, seed, i, resetPeak);
      say({ type: 'case', ...r, peakMiB: peakMiB() });
    }
  } else if (mode === 'hostile') {
    const hostile = HOSTILE_CASES[Number(args[0])]!;
    const run = hostile.build();
    resetPeak();
    say({ type: 'ready', baselineMiB: peakMiB() });
    say({ type: 'start', index: 0 });
    const start = performance.now();
    const verdict = await run();
    say({ type: 'case', index: 0, how: hostile.name, verdict, ms: performance.now() - start, peakMiB: peakMiB() });
  } else throw new Error(`unknown mode ${mode}`);
}

await main();
