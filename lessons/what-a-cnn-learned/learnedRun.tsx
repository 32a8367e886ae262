/**
 * The one trained net every widget of the lesson inspects, and the image they look at. The
 * lesson owns a single worker run (useWorkerRun); widgets read it through this context, so the
 * filters, activations, saliency and CAM all describe the same weights. `version` is the number
 * of training steps behind the weights while the run is settled (ready, paused or done) and null
 * while it trains: widgets recompute when it changes and keep their last picture meanwhile.
 */
import { createContext, type ReactElement, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useWorkerRun, type WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { SETUP } from './net';

/** A held-out digit by index, or one the student drew (28×28 in [0, 1]). */
export type ChosenImage =
  | { readonly kind: 'sample'; readonly index: number }
  | { readonly kind: 'drawn'; readonly pixels: Float32Array };

export interface Learned {
  readonly controls: WorkerRunControls;
  readonly version: number | null;
  readonly image: ChosenImage;
  /** The held-out digit last chosen, kept while a drawing is shown (Clear goes back to it). */
  readonly sampleIndex: number;
  readonly setImage: (image: ChosenImage) => void;
}

const LearnedContext = createContext<Learned | null>(null);

export function LearnedRunProvider({ children }: { readonly children: ReactNode }): ReactElement {
  const controls = useWorkerRun(SETUP);
  const [image, setChosen] = useState<ChosenImage>({ kind: 'sample', index: 0 });
  const [sampleIndex, setSampleIndex] = useState(0);
  const setImage = useCallback((next: ChosenImage): void => {
    if (next.kind === 'sample') setSampleIndex(next.index);
    setChosen(next);
  }, []);
  const { status, stepsDone } = controls.view;
  const settled = status === 'ready' || status === 'paused' || status === 'done';
  const version = settled ? stepsDone : null;
  const value = useMemo(
    () => ({ controls, version, image, sampleIndex, setImage }),
    [controls, version, image, sampleIndex, setImage],
  );
  return <LearnedContext.Provider value={value}>{children}</LearnedContext.Provider>;
}

export function useLearned(): Learned {
  const learned = useContext(LearnedContext);
  if (!learned) throw new Error('useLearned outside LearnedRunProvider');
  return learned;
}
