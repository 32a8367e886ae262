/**
 * The fuzzer in `npm test` (issue 14): a few hundred seeded mutations of valid inputs per parser
 * (IDX, CIFAR-10 tar.gz, .convlab, spec JSON, share links, the own-images set zip of issue 13;
 * see tests/fuzz/) and the issues' hostile inputs. Every input must be accepted or refused with the parser's own error type in
 * the course's words (never a raw JavaScript message), and no case may leave the heap and array
 * buffers more than 256 MB larger. No time is asserted: a hang fails by the test timeout, and
 * `npm run fuzz` (scripts/fuzz-campaign.ts) measures time and peak memory over 3,000 cases each.
 */
import { describe, expect, it } from 'vitest';
import { readSetZip } from '../../app/own-images/setZip';
import { decodeModelFile } from '../../app/studio/keep/modelFile';
import { decodeShare } from '../../app/studio/keep/share';
import { cifar10FromTarGz } from '../../engine/data/cifar10';
import { DatasetError } from '../../engine/data/dataset';
import { mnistFromFiles } from '../../engine/data/mnist-idx';
import { summarize } from '../../engine/spec';
import { HOSTILE_CASES } from '../fuzz/hostile';
import { setSeed, zipSet } from '../fuzz/own-zip';
import { type CaseResult, runCase } from '../fuzz/run-cases';
import { cifarSeed, gzip, mnistSeed, modelFileSeeds, shareSeeds, specSeeds } from '../fuzz/seeds';
import { PARSERS } from '../fuzz/targets';
import { verdictFor } from '../fuzz/verdict';

const SEED = 14;
const CASES = 250;
const MAX_GROWTH_BYTES = 256 * 1024 * 1024;

describe('the fuzzer itself', () => {
  it('starts from seeds every parser accepts', async () => {
    const mnist = await mnistFromFiles(mnistSeed());
    expect([mnist.train.count, mnist.test.count]).toEqual([6, 4]);
    const cifar = await cifar10FromTarGz(gzip(cifarSeed().tar));
    expect([cifar.train.count, cifar.test.count]).toEqual([10, 2]);
    for (const file of modelFileSeeds()) expect(decodeModelFile(file).weights.length).toBeGreaterThan(0);
    for (const spec of specSeeds()) expect(summarize(spec).totalParams).toBeGreaterThan(0);
    for (const query of shareSeeds()) {
      const shared = decodeShare(query);
      expect(shared.notices).toEqual([]);
      expect(shared.spec).not.toBeNull();
    }
    for (const deflate of [false, true]) {
      const set = readSetZip(zipSet(setSeed(3, 6), undefined, deflate));
      expect(set.map((c) => [c.name, c.images.length])).toEqual([
        ['Class 1', 6],
        ['Class 2', 6],
        ['Class 3', 6],
      ]);
    }
  });

  it('counts raw JavaScript errors, and typed errors carrying their wording, as findings', () => {
    const own = (e: unknown): boolean => e instanceof DatasetError;
    expect(verdictFor(new TypeError("Cannot read properties of undefined (reading 'test')"), own).kind).toBe('untyped');
    expect(verdictFor(new DatasetError('x.gz: corrupt (Invalid typed array length: 4294967297)'), own).kind).toBe(
      'untyped',
    );
    expect(verdictFor(new DatasetError(`x: ${'line\n'.repeat(5000)}`), own).kind).toBe('untyped');
    expect(verdictFor(new DatasetError('x.gz: the gzip data is corrupt or incomplete.'), own).kind).toBe('refused');
  });
});

const found = (r: CaseResult): string => `case ${r.index} (${r.how}): ${r.verdict.message ?? ''}`;

describe(`${CASES} mutated inputs per parser, seed ${SEED}`, () => {
  for (const parser of PARSERS) {
    it(`${parser}: every input is accepted or refused in words, with bounded memory`, async () => {
      const results: CaseResult[] = [];
      for (let i = 0; i < CASES; i++) results.push(await runCase(parser, SEED, i));
      expect(results.filter((r) => r.verdict.kind === 'untyped').map(found)).toEqual([]);
      const growth = Math.max(...results.map((r) => r.grewBytes));
      expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
      // The mutations must bite: most damaged inputs are refused, not waved through.
      expect(results.filter((r) => r.verdict.kind === 'refused').length).toBeGreaterThan(CASES / 2);
    });
  }
});

describe('the hostile inputs of issues 14 and 13', () => {
  for (const hostile of HOSTILE_CASES.filter((h) => !h.heavy)) {
    it(`${hostile.parser}: ${hostile.name} is ${hostile.expected ?? 'refused'}`, async () => {
      const verdict = await hostile.build()();
      expect(verdict.kind, verdict.message).toBe(hostile.expected ?? 'refused');
    });
  }
});
