import { describe, expect, it } from 'vitest';
import { GPU_LAYERS } from '../../engine/gpu/layers';
import { LAYER_TYPES } from '../../engine/spec/schema';

describe('the GPU layer registry', () => {
  it('has a factory for every layer type the spec knows, and nothing else', () => {
    expect(Object.keys(GPU_LAYERS).sort()).toEqual([...LAYER_TYPES].sort());
  });
});
