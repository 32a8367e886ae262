import { describe, expect, it } from 'vitest';
import { CPU_LAYERS, createLayer } from '../../engine/cpu/layers';
import { SpecError } from '../../engine/spec/errors';
import { inferLayer, LAYER_RULES, type LayerRule } from '../../engine/spec/layer-rules';
import { LAYER_FIELDS, LAYER_TYPES } from '../../engine/spec/schema';
import { summarize } from '../../engine/spec/summarize';
import type { LayerSpec, LayerType } from '../../engine/spec/types';
import type { Param } from '../../engine/train/model';

const sorted = (keys: readonly string[]): string[] => [...keys].sort();

describe('the layer registry', () => {
  it('has a spec rule and a CPU factory for every layer type the schema knows, and nothing else', () => {
    expect(sorted(Object.keys(LAYER_RULES))).toEqual(sorted(LAYER_TYPES));
    expect(sorted(Object.keys(CPU_LAYERS))).toEqual(sorted(Object.keys(LAYER_FIELDS)));
  });

  it('is exhaustive at compile time: a registry missing a layer type does not type-check', () => {
    // @ts-expect-error every LayerType needs an entry; this one has only input's.
    const partial: { readonly [T in LayerType]: LayerRule<T> } = { input: LAYER_RULES.input };
    expect(Object.keys(partial)).toEqual(['input']);
  });

  it('inferLayer refuses a layer type the registry does not know, in words', () => {
    const layer = { type: 'convolution' } as unknown as LayerSpec;
    const where = { index: 1, id: 'convolution_1' };
    expect(() => inferLayer(layer, [1, 4, 4], where)).toThrow(SpecError);
    expect(() => inferLayer(layer, [1, 4, 4], where)).toThrow(/unknown layer type "convolution"/);
  });

  it('each rule gives what the CPU factory of the same type builds on (conv2d 3x3 same on [2, 5, 5])', () => {
    const layers: LayerSpec[] = [
      { type: 'input', shape: [2, 5, 5] },
      { type: 'conv2d', filters: 3, kernel: 3, padding: 'same', activation: 'relu' },
      { type: 'flatten' },
    ];
    const summary = summarize({ layers });
    const conv = summary.layers[1]!;
    expect(conv.outputShape).toEqual([3, 5, 5]);
    expect(conv.weights).toBe(3 * 2 * 3 * 3);
    const param = (role: Param['role'], n: number): Param => ({
      name: `conv.${role}`,
      layer: 1,
      role,
      shape: [n],
      value: new Float32Array(n).fill(0.1),
      grad: new Float32Array(n),
      regularized: role === 'weight',
      trainable: true,
    });
    const cpu = createLayer(conv, { weight: param('weight', conv.weights), bias: param('bias', 3) });
    const x = { shape: [1, 2, 5, 5], data: new Float32Array(50).fill(1) };
    const ctx = {
      training: false,
      rng: { next: () => 0, int: () => 0, normal: () => 0, fork: () => ctx.rng },
      scratch: (_: number, n: number) => new Float32Array(n),
    };
    const y = cpu.forward([x], ctx);
    expect(y.shape).toEqual([1, 3, 5, 5]);
    // The centre sees all 2x3x3 ones: 18 * 0.1 + bias 0.1.
    expect(y.data[12]).toBeCloseTo(1.9, 5);
  });

  it('the CPU input entry says the input layer has no CpuLayer', () => {
    const summary = summarize({ layers: [{ type: 'input', shape: [1, 2, 2] }, { type: 'flatten' }] });
    expect(() => createLayer(summary.layers[0]!, {})).toThrow(/input layer has no CpuLayer/);
  });
});
