/**
 * The bench page: runs ONE (model, engine) measurement described by ?config=<json> and hands the
 * result to the runner through window.benchReport (installed by Playwright's exposeFunction).
 * Datasets come from the runner's server under /datasets/ and are parsed with ConvLab's parsers.
 */
import type { DatasetSplits } from '../engine/data/dataset';
import { loadCifar10FromUrl, loadMnistFromUrls } from '../engine/data/fetch-dataset';
import type { EngineFactory } from './engine';
import { measure } from './measure';
import type { EngineName, ModelKey, RunConfig, RunResult } from './protocol';

declare global {
  interface Window {
    benchReport?: (json: string) => Promise<void>;
    /** The renderer process's CPU seconds so far (the runner reads Chrome's ProcessTime metric). */
    benchCpuSeconds?: () => Promise<number>;
  }
}

const log = (line: string): void => console.log(`[bench] ${line}`);

async function describeAdapter(): Promise<string> {
  if (!navigator.gpu) return 'no WebGPU (navigator.gpu missing)';
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) return 'no WebGPU adapter';
  const { vendor, architecture, device, description } = adapter.info;
  const name = description || device || architecture || 'unknown adapter';
  return `${name} (vendor ${vendor || '?'}, architecture ${architecture || '?'})`;
}

function loadData(model: ModelKey): Promise<DatasetSplits> {
  return model === 'lecture-mnist'
    ? loadMnistFromUrls('/datasets/mnist/')
    : loadCifar10FromUrl('/datasets/cifar10/cifar-10-binary.tar.gz');
}

/** Each adapter is its own chunk, so a page loads only the library it measures. */
async function factoryFor(engine: EngineName): Promise<EngineFactory> {
  switch (engine) {
    case 'convlab-webgpu':
      return (await import('./engines/convlab-webgpu')).createConvlabWebgpuEngine;
    case 'convlab-cpu':
      return (await import('./engines/convlab-cpu')).createConvlabCpuEngine;
    case 'convlab-wasm':
      return (await import('./engines/convlab-wasm')).createConvlabWasmEngine;
    case 'convnetjs':
      return (await import('./engines/convnetjs')).createConvnetjsEngine;
    case 'tfjs-webgpu':
    case 'tfjs-webgl':
    case 'tfjs-wasm':
    case 'tfjs-cpu': {
      const { createTfjsEngine } = await import('./engines/tfjs');
      const backend = engine.slice('tfjs-'.length) as 'webgpu' | 'webgl' | 'wasm' | 'cpu';
      return (model, data, config) => createTfjsEngine(backend, model, data, config);
    }
  }
}

async function run(config: RunConfig): Promise<RunResult> {
  const adapter = await describeAdapter().catch((e: unknown) => `adapter query failed: ${String(e)}`);
  const { model, engine } = config;
  try {
    const began = performance.now();
    const data = await loadData(model);
    log(`${model}: ${data.train.count} train / ${data.test.count} test images loaded`);
    const instance = await (await factoryFor(engine))(model, data, config);
    log(`${engine}: ${instance.note}`);
    try {
      const cpuSeconds = window.benchCpuSeconds ?? null;
      const m = await measure(instance, data, config, log, cpuSeconds);
      return { ok: true, model, engine, ...m, note: instance.note, adapter, wallMs: performance.now() - began };
    } finally {
      instance.dispose();
    }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, model, engine, error: message, adapter };
  }
}

async function main(): Promise<void> {
  const raw = new URLSearchParams(location.search).get('config');
  if (!raw) throw new Error('bench page opened without ?config=');
  const result = await run(JSON.parse(raw) as RunConfig);
  if (window.benchReport) await window.benchReport(JSON.stringify(result));
  else log(JSON.stringify(result));
}

void main();
