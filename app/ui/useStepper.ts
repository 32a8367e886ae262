/**
 * State for a steppable animation (a sliding window, a training replay): the current step out of
 * `count`, and whether it is playing. Playing advances one step per `intervalMs` and stops by
 * itself on the last step, so Play never loops forever behind a student's back. When `count`
 * changes (a new input size, a new stride) the step is clamped rather than reset, so the window
 * stays roughly where the student was looking.
 */
import { useCallback, useEffect, useState } from 'react';

export interface Stepper {
  /** 0-based current step, always in [0, count - 1] (0 when count is 0). */
  readonly step: number;
  readonly count: number;
  readonly playing: boolean;
  readonly atEnd: boolean;
  readonly next: () => void;
  readonly prev: () => void;
  readonly reset: () => void;
  readonly toEnd: () => void;
  readonly toggle: () => void;
  readonly pause: () => void;
}

export function useStepper(count: number, intervalMs = 900): Stepper {
  const [raw, setRaw] = useState(0);
  const [playing, setPlaying] = useState(false);
  const last = Math.max(0, count - 1);
  const step = Math.min(raw, last);
  const atEnd = step >= last;

  useEffect(() => {
    if (!playing) return;
    if (atEnd) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setRaw(step + 1), intervalMs);
    return () => window.clearTimeout(timer);
  }, [playing, atEnd, step, intervalMs]);

  const next = useCallback(() => {
    setPlaying(false);
    setRaw(Math.min(step + 1, last));
  }, [step, last]);
  const prev = useCallback(() => {
    setPlaying(false);
    setRaw(Math.max(step - 1, 0));
  }, [step]);
  const reset = useCallback(() => {
    setPlaying(false);
    setRaw(0);
  }, []);
  const toEnd = useCallback(() => {
    setPlaying(false);
    setRaw(last);
  }, [last]);
  const pause = useCallback(() => setPlaying(false), []);
  const toggle = useCallback(() => {
    if (playing) {
      setPlaying(false);
      return;
    }
    // Play from the start again once the animation has finished.
    if (atEnd) setRaw(0);
    setPlaying(count > 1);
  }, [playing, atEnd, count]);

  return { step, count, playing, atEnd, next, prev, reset, toEnd, toggle, pause };
}
