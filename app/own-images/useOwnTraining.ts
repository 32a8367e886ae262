/**
 * "Train" for your own images, in workers: when transfer from MNIST is chosen and no MNIST base
 * exists yet, a first run pretrains it on the built-in digits; its conv weights then seed the run
 * on your images (frozen), which starts by itself once built. When it finishes, the held-out test
 * images (every fifth of each class) are evaluated. A loaded .convlab model is built the same way
 * without training, so it can predict at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OwnImages } from '../../engine/data/own-images';
import type { ModelSpec } from '../../engine/spec/types';
import type { Metrics } from '../../engine/train/metrics';
import type { WorkerRunSetup } from '../ui/training/runView';
import type { Weights } from '../ui/training/transfer';
import { useWorkerRun, type WorkerRunControls } from '../ui/training/useWorkerRun';
import type { InputShape } from './inputs';
import { mnistBaseSpec } from './models';
import { MNIST_BASE_SETUP, ownNet, ownSetup, type Start } from './setups';

export type BaseChoice =
  | { readonly kind: 'mnist' }
  | { readonly kind: 'scratch' }
  | { readonly kind: 'model'; readonly name: string; readonly spec: ModelSpec; readonly weights: Weights };

export type OwnPhase = 'idle' | 'pretraining' | 'training' | 'ready' | 'done';

export interface OwnTraining {
  readonly own: WorkerRunControls;
  readonly base: WorkerRunControls;
  readonly phase: OwnPhase;
  readonly test: Metrics | null;
  /** The input shape and classes of the model the own run holds (for live prediction). */
  readonly shape: InputShape | null;
  readonly classNames: readonly string[];
  /** The spec the own run holds, for saving it. */
  readonly spec: ModelSpec | null;
  /** Trains on the set `imagesFor(shape)` builds, from the chosen start. */
  readonly train: (imagesFor: (shape: InputShape) => OwnImages, choice: BaseChoice) => void;
  /** Builds a loaded model (no training) so it can predict. */
  readonly adoptModel: (setup: WorkerRunSetup, shape: InputShape, classNames: readonly string[]) => void;
}

function startOf(choice: BaseChoice, mnistWeights: Weights | null): Start {
  if (choice.kind === 'scratch') return { kind: 'scratch' };
  if (choice.kind === 'model')
    return { kind: 'transfer', base: choice.spec, weights: choice.weights, baseName: choice.name };
  return { kind: 'transfer', base: mnistBaseSpec(), weights: mnistWeights ?? {}, baseName: 'MNIST base' };
}

export function useOwnTraining(): OwnTraining {
  const [baseSetup, setBaseSetup] = useState<WorkerRunSetup | null>(null);
  const [ownPlan, setOwnPlan] = useState<WorkerRunSetup | null>(null);
  const [phase, setPhase] = useState<OwnPhase>('idle');
  const [test, setTest] = useState<Metrics | null>(null);
  const [shape, setShape] = useState<InputShape | null>(null);
  const [classNames, setClassNames] = useState<readonly string[]>([]);
  const mnistWeights = useRef<Weights | null>(null);
  /** What waits for the MNIST base: the images and choice of the Train press. */
  const pending = useRef<{ imagesFor: (shape: InputShape) => OwnImages; choice: BaseChoice } | null>(null);
  const base = useWorkerRun(baseSetup);
  const own = useWorkerRun(ownPlan);

  const launch = useCallback((imagesFor: (shape: InputShape) => OwnImages, choice: BaseChoice): void => {
    const start = startOf(choice, mnistWeights.current);
    const net = ownNet(start, 2);
    const images = imagesFor(net.shape);
    setShape(net.shape);
    setClassNames(images.classNames);
    setTest(null);
    setOwnPlan(ownSetup(start, images));
    setPhase('training');
  }, []);

  const train = (imagesFor: (shape: InputShape) => OwnImages, choice: BaseChoice): void => {
    // Build the set first so a set that cannot train is refused before any pretraining.
    imagesFor(
      choice.kind === 'scratch'
        ? [3, 32, 32]
        : choice.kind === 'mnist'
          ? [1, 28, 28]
          : ownNet(startOf(choice, null), 2).shape,
    );
    if (choice.kind === 'mnist' && !mnistWeights.current) {
      pending.current = { imagesFor, choice };
      setBaseSetup(MNIST_BASE_SETUP);
      setPhase('pretraining');
      return;
    }
    launch(imagesFor, choice);
  };

  // The MNIST base: start it once built; when done, keep its weights and go on to your images.
  const baseStatus = base.view.status;
  useEffect(() => {
    if (phase !== 'pretraining') return;
    if (baseStatus === 'ready') base.start();
    if (baseStatus !== 'done') return;
    void base
      .run()
      ?.exportWeights()
      .then((weights) => {
        mnistWeights.current = weights;
        const waiting = pending.current;
        pending.current = null;
        if (waiting) launch(waiting.imagesFor, waiting.choice);
      });
  }, [phase, baseStatus, base, launch]);

  // Your images: start once built; evaluate the test images when done.
  const ownStatus = own.view.status;
  useEffect(() => {
    if (phase === 'training' && ownStatus === 'ready') own.start();
    if (phase === 'training' && ownStatus === 'done') {
      setPhase('done');
      void own
        .run()
        ?.evaluate('test')
        .then((answer) => setTest(answer.metrics))
        .catch(() => setTest(null));
    }
  }, [phase, ownStatus, own]);

  const adoptModel = (setup: WorkerRunSetup, modelShape: InputShape, names: readonly string[]): void => {
    setShape(modelShape);
    setClassNames(names);
    setTest(null);
    setOwnPlan(setup);
    setPhase('ready');
  };

  return { own, base, phase, test, shape, classNames, spec: ownPlan?.spec ?? null, train, adoptModel };
}
