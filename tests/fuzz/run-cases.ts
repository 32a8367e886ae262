/**
 * Runs a range of fuzz cases for one parser in this process and measures each one: its time
 * (performance.now around the parser call only, not the case's construction) and the growth of
 * heap plus array buffers across it. Shared by the unit test and the campaign's child processes.
 */
import { memoryUsage } from 'node:process';
import { caseSeed, seededRandom } from './random';
import { CASE_MAKERS, type CaseMaker, type ParserName } from './targets';
import type { Verdict } from './verdict';

export interface CaseResult {
  readonly index: number;
  readonly how: string;
  readonly verdict: Verdict;
  readonly ms: number;
  /** Heap used plus array buffers after the case minus before it, in bytes (garbage included). */
  readonly grewBytes: number;
}

const makers = new Map<ParserName, CaseMaker>();

/** The case generator of a parser, built once per process (seeds and bombs are cached in it). */
export function caseMaker(parser: ParserName): CaseMaker {
  let maker = makers.get(parser);
  if (!maker) {
    maker = CASE_MAKERS[parser]();
    makers.set(parser, maker);
  }
  return maker;
}

const live = (): number => {
  const m = memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Builds case `index` of `parser` and runs it. `beforeRun` is called between the two, so a caller
 * measuring peak memory can leave the generator's own allocations (a 1 MB string, 30,006 layers)
 * out of what it pins on the parser.
 */
export async function runCase(
  parser: ParserName,
  seed: number,
  index: number,
  beforeRun?: () => void,
): Promise<CaseResult> {
  const fuzzCase = caseMaker(parser)(seededRandom(caseSeed(seed, parser, index)));
  beforeRun?.();
  const before = live();
  const start = performance.now();
  const verdict = await fuzzCase.run();
  const ms = performance.now() - start;
  return { index, how: fuzzCase.how, verdict, ms, grewBytes: Math.max(0, live() - before) };
}
