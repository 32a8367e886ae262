/**
 * Keeps one worker answer up to date for a view without crowding out training: the view names
 * what the answer depends on (a key: the model, the image, the class, the training step), and a
 * timer asks again when the key changed, with at most one request in flight and, while training
 * runs (the step changes all the time), at most one request every TRAINING_INTERVAL_MS. When
 * training is paused the key is still, so nothing is asked after the answer arrived.
 */
import { useEffect, useRef, useState } from 'react';
import { errorText } from './controller';

const TICK_MS = 250;
export const TRAINING_INTERVAL_MS = 2000;

export interface PacedAnswer<T> {
  readonly value: T | null;
  /** Why the last request failed (a sentence from the worker), or null. */
  readonly error: string | null;
  /** The key of the answer shown, so a view can tell a stale answer from a fresh one. */
  readonly key: string | null;
}

/** `key` null = nothing to ask yet. `ask` is called with the key it answers. */
export function usePacedQuery<T>(
  key: string | null,
  training: boolean,
  ask: (key: string) => Promise<T>,
): PacedAnswer<T> {
  const [answer, setAnswer] = useState<PacedAnswer<T>>({ value: null, error: null, key: null });
  const latest = useRef({ key, training, ask });
  latest.current = { key, training, ask };

  useEffect(() => {
    let busy = false;
    let asked: string | null = null;
    let lastStart = Number.NEGATIVE_INFINITY;
    let alive = true;
    const timer = window.setInterval(() => {
      const { key: wanted, training: running, ask: request } = latest.current;
      if (busy || wanted === null || wanted === asked) return;
      if (running && performance.now() - lastStart < TRAINING_INTERVAL_MS) return;
      busy = true;
      asked = wanted;
      lastStart = performance.now();
      request(wanted)
        .then(
          (value) => alive && setAnswer({ value, error: null, key: wanted }),
          (error: unknown) => alive && setAnswer({ value: null, error: errorText(error), key: wanted }),
        )
        .finally(() => {
          busy = false;
        });
    }, TICK_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, []);
  return answer;
}

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A stable number for an object (a model summary, a drawing), for building keys. */
export function objectId(o: object | null): number {
  if (o === null) return 0;
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}
