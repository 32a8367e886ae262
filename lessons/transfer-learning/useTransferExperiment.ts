/**
 * Runs the whole experiment from one button: pretrain on 0-4 (one worker), carry the conv trunk's
 * weights over, then train frozen / fine-tune / scratch on 5-9 from 50 images and then from 500
 * (three workers at a time, side by side). Each size's three finished runs are kept, so both sizes
 * stay on the page. Everything trains in workers; this hook only sequences them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { pickLayers, type Weights } from '../../app/ui/training/transfer';
import { type RunView, useWorkerRun } from '../../app/ui/training/useWorkerRun';
import { PRETRAIN_SETUP, type Size, STRATEGIES, type Strategy, stepsFor, TRUNK_IDS, targetSetup } from './experiment';

export type Phase = 'idle' | 'pretraining' | 'copying' | 'size-50' | 'size-500' | 'done' | 'failed';
export type Finished = Partial<Record<Size, Readonly<Record<Strategy, RunView>>>>;

export interface TransferExperiment {
  readonly phase: Phase;
  readonly pretrain: RunView;
  /** The live runs of the size being trained now (or last trained). */
  readonly live: Readonly<Record<Strategy, RunView>>;
  readonly liveSize: Size;
  readonly finished: Finished;
  readonly paused: boolean;
  readonly message: string | null;
  readonly run: () => void;
  readonly pause: () => void;
  readonly resume: () => void;
  readonly reset: () => void;
}

const STOPPED = new Set<RunView['status']>(['diverged', 'error']);

export function useTransferExperiment(): TransferExperiment {
  const pre = useWorkerRun(PRETRAIN_SETUP);
  const [phase, setPhase] = useState<Phase>('idle');
  const [trunk, setTrunk] = useState<Weights | null>(null);
  const [size, setSize] = useState<Size>(50);
  const [finished, setFinished] = useState<Finished>({});
  const [paused, setPaused] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  /** Bumped by reset: weights that arrive from an earlier round are dropped. */
  const round = useRef(0);

  // One setup object per (strategy, size, trunk): the hooks know initial weights by identity.
  const setups = useMemo(
    () => (trunk ? STRATEGIES.map((s) => targetSetup(s, size, trunk)) : [null, null, null]),
    [trunk, size],
  );
  const frozen = useWorkerRun(setups[0] ?? null);
  const finetune = useWorkerRun(setups[1] ?? null);
  const scratch = useWorkerRun(setups[2] ?? null);
  const all = [frozen, finetune, scratch];
  const live = { frozen: frozen.view, finetune: finetune.view, scratch: scratch.view };
  const training = phase === 'size-50' || phase === 'size-500';

  // Pretraining starts once its worker has the data and the model.
  useEffect(() => {
    if (phase === 'pretraining' && !paused && pre.view.status === 'ready') pre.start();
  }, [phase, paused, pre]);

  // Pretraining done: read its weights once and keep the conv trunk's.
  useEffect(() => {
    if (phase !== 'pretraining' || pre.view.status !== 'done') return;
    setPhase('copying');
    const run = pre.run();
    if (!run) return;
    const thisRound = round.current;
    run.exportWeights().then(
      (weights) => {
        if (thisRound !== round.current) return;
        setTrunk(pickLayers(weights, TRUNK_IDS));
        setPhase('size-50');
      },
      (error: unknown) => {
        if (thisRound !== round.current) return;
        setMessage(error instanceof Error ? error.message : String(error));
        setPhase('failed');
      },
    );
  }, [phase, pre]);

  // The three runs of the current size: start them together, keep them when all three are done.
  useEffect(() => {
    if (!training || paused) return;
    const views = [frozen.view, finetune.view, scratch.view];
    const broken = views.find((v) => STOPPED.has(v.status));
    if (broken) {
      setMessage(broken.message ?? 'A run stopped.');
      setPhase('failed');
      return;
    }
    // Views from the previous size linger until the rebuild reaches them: go by the step count.
    const current = views.every((v) => v.totalSteps === 0 || v.totalSteps === stepsFor(size));
    if (!current) return;
    if (views.every((v) => v.status === 'ready')) {
      for (const r of [frozen, finetune, scratch]) r.start();
    } else if (views.every((v) => v.status === 'done' && v.totalSteps === stepsFor(size))) {
      setFinished((f) => ({ ...f, [size]: { frozen: frozen.view, finetune: finetune.view, scratch: scratch.view } }));
      if (size === 50) {
        setSize(500);
        setPhase('size-500');
      } else {
        setPhase('done');
      }
    }
  }, [training, paused, size, frozen, finetune, scratch]);

  const pause = (): void => {
    setPaused(true);
    pre.pause();
    for (const r of all) r.pause();
  };
  const resume = (): void => {
    setPaused(false);
    if (phase === 'pretraining') pre.start();
    if (training) for (const r of all) r.start();
  };
  const run = (): void => {
    setPaused(false);
    setPhase('pretraining');
  };
  const reset = (): void => {
    round.current++;
    setPaused(false);
    setMessage(null);
    setFinished({});
    setTrunk(null);
    setSize(50);
    setPhase('idle');
    pre.reset();
    for (const r of all) r.pause();
  };

  return {
    phase,
    pretrain: pre.view,
    live,
    liveSize: size,
    finished,
    paused,
    message,
    run,
    pause,
    resume,
    reset,
  };
}
