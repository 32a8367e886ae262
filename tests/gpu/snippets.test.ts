import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shaderSource, snippetsOf } from '../../engine/gpu/pipelines';
import { withDevice } from './harness';

const gpu = withDevice();
const SHADERS = join(import.meta.dirname, '../../shaders');
const read = (file: string): string => readFileSync(join(SHADERS, file), 'utf8');
const kernels = readdirSync(SHADERS).filter((f) => f.endsWith('.wgsl'));
const snippets = readdirSync(join(SHADERS, 'snippets')).filter((f) => f.endsWith('.wgsl'));
/** The names of the functions a WGSL text declares. */
const functionsOf = (code: string): string[] => [...code.matchAll(/^fn (\w+)\(/gm)].map((m) => m[1]!);

describe('shared WGSL snippets', () => {
  it('conv2d_forward, matmul and activation_forward name the activate snippet and define no activate of their own', () => {
    for (const file of ['conv2d_forward.wgsl', 'matmul.wgsl', 'activation_forward.wgsl']) {
      const code = read(file);
      expect(snippetsOf(code), file).toEqual(['activate']);
      expect(functionsOf(code), file).not.toContain('activate');
      expect(
        functionsOf(shaderSource({ name: file, code })).filter((f) => f === 'activate'),
        file,
      ).toHaveLength(1);
    }
  });

  it('softmax_cross_entropy and hinge_loss share the loss_metrics snippet and declare no Metrics struct of their own', () => {
    for (const file of ['softmax_cross_entropy.wgsl', 'hinge_loss.wgsl']) {
      const code = read(file);
      expect(snippetsOf(code), file).toEqual(['loss_metrics']);
      expect(code, file).not.toMatch(/^struct Metrics/m);
      expect(functionsOf(shaderSource({ name: file, code })), file).toContain('addBatchMetrics');
    }
  });

  it('no kernel file defines a function a snippet defines (a snippet is the one copy)', () => {
    const shared = snippets.flatMap((f) => functionsOf(read(join('snippets', f))));
    expect(shared).toContain('activate');
    for (const file of kernels)
      expect(
        functionsOf(read(file)).filter((f) => shared.includes(f)),
        file,
      ).toEqual([]);
  });

  it('every snippet a kernel names exists, and a kernel without the header line is left as it is', () => {
    for (const file of kernels) {
      const code = read(file);
      expect(() => shaderSource({ name: file, code }), file).not.toThrow();
      if (snippetsOf(code).length === 0) expect(shaderSource({ name: file, code })).toBe(code);
    }
  });

  it('a kernel naming a snippet that does not exist gets an error that names both', () => {
    const code = '// k: test kernel\n// Snippets: activate, nonesuch\n';
    expect(() => shaderSource({ name: 'k', code })).toThrow(/Kernel k asks for the WGSL snippet "nonesuch"/);
  });

  it('each kernel with its snippets compiles without errors on the device', async () => {
    const { device } = gpu();
    for (const file of kernels.filter((f) => snippetsOf(read(f)).length > 0)) {
      const module = device.createShaderModule({ label: file, code: shaderSource({ name: file, code: read(file) }) });
      const info = await module.getCompilationInfo();
      expect(
        info.messages.filter((m) => m.type === 'error').map((m) => m.message),
        file,
      ).toEqual([]);
    }
  });
});
