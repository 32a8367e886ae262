/**
 * Activation maximisation driven from the page in chunks: each chunk asks the worker for
 * CHUNK ascent steps from the current image (the 'ascent' inspect query), so the page stays live
 * and the score can be drawn as it climbs. Changing the class or a regulariser starts again from
 * a grey image. `auto` keeps asking for chunks, one at a time, until MAX_STEPS.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AscentOptions } from '../../engine/inspect/ascent';
import { useLearned } from './learnedRun';

export const CHUNK = 10;
export const MAX_STEPS = 300;

export interface AscentSettings {
  readonly classIndex: number;
  readonly l2: number;
  readonly tv: number;
  readonly jitter: boolean;
  readonly blur: boolean;
}

export interface AscentPoint {
  readonly step: number;
  readonly score: number;
  readonly objective: number;
}

export interface AscentRun {
  readonly image: Float32Array | null;
  /** Every step so far, from step 0 (the grey start). */
  readonly trace: readonly AscentPoint[];
  /** The score at the end of each chunk, the start first. */
  readonly chunkScores: readonly number[];
  readonly busy: boolean;
  readonly error: string | null;
}

const EMPTY: AscentRun = { image: null, trace: [], chunkScores: [], busy: false, error: null };

export function optionsOf(settings: AscentSettings, seed: number): AscentOptions {
  return {
    // Normalised steps: stepSize is the mean change per pixel, whatever the gradient's scale.
    stepSize: 0.02,
    normalise: true,
    l2: settings.l2,
    tv: settings.tv,
    jitter: settings.jitter ? 1 : 0,
    blurEvery: settings.blur ? 4 : 0,
    blurSigma: 0.5,
    clamp: [0, 1],
    seed,
  };
}

export function useAscent(settings: AscentSettings): {
  readonly run: AscentRun;
  readonly chunk: () => void;
  readonly auto: boolean;
  readonly setAuto: (on: boolean) => void;
} {
  const { controls, version } = useLearned();
  const [state, setState] = useState<AscentRun>(EMPTY);
  const [auto, setAuto] = useState(false);
  const generation = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const key = JSON.stringify([settings, version]);

  // A new class, regulariser or set of weights: start again from grey.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by value on purpose
  useEffect(() => {
    generation.current++;
    setState(EMPTY);
    setAuto(false);
  }, [key]);

  const chunk = useCallback((): void => {
    const run = controls.run();
    const current = stateRef.current;
    if (!run || version === null || current.busy) return;
    const done = current.trace.at(-1)?.step ?? 0;
    if (done >= MAX_STEPS) return;
    const mine = generation.current;
    setState({ ...current, busy: true });
    run
      .inspect({
        kind: 'ascent',
        target: { kind: 'class', classIndex: settings.classIndex },
        options: optionsOf(settings, done + 1),
        steps: CHUNK,
        start: current.image ? current.image.slice() : null,
      })
      .then(
        (result) => {
          if (mine !== generation.current || result.kind !== 'ascent') return;
          const steps = result.trace.map((t) => ({ ...t, step: t.step + done }));
          const trace = current.trace.length ? [...current.trace, ...steps.slice(1)] : steps;
          const chunkScores = current.chunkScores.length
            ? [...current.chunkScores, steps.at(-1)!.score]
            : [steps[0]!.score, steps.at(-1)!.score];
          setState({ image: result.image, trace, chunkScores, busy: false, error: null });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setState({ ...current, busy: false, error: error instanceof Error ? error.message : String(error) });
          setAuto(false);
        },
      );
  }, [controls, version, settings]);

  useEffect(() => {
    if (!auto || state.busy) return;
    if ((state.trace.at(-1)?.step ?? 0) >= MAX_STEPS) {
      setAuto(false);
      return;
    }
    chunk();
  }, [auto, state, chunk]);

  return { run: state, chunk, auto, setAuto };
}
