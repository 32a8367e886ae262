/**
 * The reference nets this lesson talks about, summarized once each. A big net (DenseNet-121 has
 * hundreds of layers) costs a few milliseconds to summarize, and several widgets read the same
 * one, so each preset's result is kept in a module-level cache for the life of the page.
 *
 * `useNetSummary` hands the work to a queue that summarizes one net per macrotask, so opening the
 * lesson paints first and counts after, never freezing the page for all the nets at once.
 *
 * A preset key that the engine does not have (yet) is a `missing` result, not an exception, so a
 * table can say "not available" in that cell and show everything else.
 */
import { useEffect, useState } from 'react';
import { type SummaryResult, summaryResult } from '../../app/ui/summaryResult';
import { type LayerSummary, type ModelSummary, PRESETS } from '../../engine/spec';

export type NetResult =
  | { readonly kind: 'ok'; readonly title: string; readonly summary: ModelSummary }
  | { readonly kind: 'error'; readonly title: string; readonly message: string }
  | { readonly kind: 'missing'; readonly key: string };

const cache = new Map<string, NetResult>();

function compute(key: string): NetResult {
  const preset = Object.hasOwn(PRESETS, key) ? PRESETS[key] : undefined;
  if (preset === undefined) return { kind: 'missing', key };
  const result: SummaryResult = summaryResult(preset.spec);
  return result.ok
    ? { kind: 'ok', title: preset.title, summary: result.summary }
    : { kind: 'error', title: preset.title, message: result.error.message };
}

/** The summary of preset `key`, computed on first use and then remembered. */
export function netSummary(key: string): NetResult {
  let found = cache.get(key);
  if (found === undefined) {
    found = compute(key);
    cache.set(key, found);
  }
  return found;
}

/** Nets waiting to be summarized, one per macrotask so the page stays responsive in between. */
const queue: { key: string; done: (net: NetResult) => void }[] = [];
let draining = false;

function drain(): void {
  const next = queue.shift();
  if (next === undefined) {
    draining = false;
    return;
  }
  next.done(netSummary(next.key));
  setTimeout(drain, 0);
}

/**
 * netSummary() for components: the cached result at once when there is one, otherwise null on the
 * first render and the result a moment later, computed after the page has painted.
 */
export function useNetSummary(key: string): NetResult | null {
  const [net, setNet] = useState<NetResult | null>(() => cache.get(key) ?? null);
  useEffect(() => {
    const cached = cache.get(key);
    if (cached !== undefined) {
      setNet(cached);
      return;
    }
    let live = true;
    queue.push({ key, done: (result) => live && setNet(result) });
    if (!draining) {
      draining = true;
      setTimeout(drain, 0);
    }
    return () => {
      live = false;
    };
  }, [key]);
  return net;
}

/** The first layer with this id, or undefined. */
export function layerById(summary: ModelSummary, id: string): LayerSummary | undefined {
  return summary.layers.find((l) => l.id === id);
}

/** Multiply-adds of the conv layers alone (the convention some papers use for "FLOPs"). */
export function convMacs(summary: ModelSummary): number {
  return summary.layers.reduce((sum, l) => sum + (l.type === 'conv2d' ? l.macs : 0), 0);
}

/** Counts a layer type: how many conv2d layers a net has, say. */
export function countLayers(summary: ModelSummary, type: LayerSummary['type']): number {
  return summary.layers.filter((l) => l.type === type).length;
}

/** "6.62 M", "3.86 G": a count in millions or billions with three significant figures. */
export function formatScaled(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toPrecision(3)} G`;
  if (value >= 1e6) return `${(value / 1e6).toPrecision(3)} M`;
  if (value >= 1e3) return `${(value / 1e3).toPrecision(3)} K`;
  return String(value);
}
