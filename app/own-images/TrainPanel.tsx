/**
 * Choosing how to learn your classes (on a net trained on MNIST, on a model file, or from
 * scratch), pressing Train, and watching it: the base's pretraining, then your run's loss and
 * accuracy, then the held-out test images' accuracy, overall and per class.
 */
import { type ReactElement, useId, useState } from 'react';
import { DatasetError } from '../../engine/data/dataset';
import { ownImagesDataset } from '../../engine/data/own-images';
import { isModelFileError, readModelFile } from '../studio/keep/modelFile';
import type { InputShape } from './inputs';
import { ownImagesFor } from './inputs';
import { useOwnImages } from './ownStore';
import type { BaseChoice, OwnTraining } from './useOwnTraining';

type Choice = 'mnist' | 'scratch' | 'model';

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

function errorText(error: unknown): string {
  if (error instanceof DatasetError || isModelFileError(error)) return error.message;
  return 'That did not work; check the images and try again.';
}

export function TrainPanel({ training }: { readonly training: OwnTraining }): ReactElement {
  const groupId = useId();
  const [choice, setChoice] = useState<Choice>('mnist');
  const [baseModel, setBaseModel] = useState<Extract<BaseChoice, { kind: 'model' }> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { own, base, phase, test, classNames } = training;

  const train = (): void => {
    setMessage(null);
    const classes = useOwnImages.getState().classes;
    const picked: BaseChoice | null =
      choice === 'model' ? baseModel : choice === 'mnist' ? { kind: 'mnist' } : { kind: 'scratch' };
    if (!picked) {
      setMessage('Choose a .convlab model file to start from first.');
      return;
    }
    try {
      training.train((shape: InputShape) => {
        const images = ownImagesFor(classes, shape);
        ownImagesDataset(images);
        return images;
      }, picked);
    } catch (error) {
      setMessage(errorText(error));
    }
  };

  const pickBase = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const { file: model } = await readModelFile(file);
      const weights = Object.fromEntries(model.weights.map((t) => [t.name, t.data]));
      setBaseModel({ kind: 'model', name: model.name, spec: model.spec, weights });
      setMessage(null);
    } catch (error) {
      setBaseModel(null);
      setMessage(errorText(error));
    }
  };

  const busy = phase === 'pretraining' || (phase === 'training' && own.view.status !== 'diverged');
  const ownPoint = own.view.points.at(-1);
  return (
    <section className="own-train" aria-labelledby="own-train-title" data-testid="own-train" data-phase={phase}>
      <h2 id="own-train-title">Train</h2>
      <fieldset className="own-choice" aria-describedby={`${groupId}-why`}>
        <legend>Start from</legend>
        <label>
          <input type="radio" name={groupId} checked={choice === 'mnist'} onChange={() => setChoice('mnist')} />A net
          trained on MNIST here (about a minute first), its conv layers frozen
        </label>
        <label>
          <input type="radio" name={groupId} checked={choice === 'model'} onChange={() => setChoice('model')} />A model
          you trained and saved in the studio (.convlab, e.g. on CIFAR-10), its conv layers frozen
        </label>
        {choice === 'model' && (
          <label className="own-base-file">
            Model file <input type="file" accept=".convlab" onChange={(e) => void pickBase(e.target.files?.[0])} />
            {baseModel && <span className="muted"> {baseModel.name}</span>}
          </label>
        )}
        <label>
          <input type="radio" name={groupId} checked={choice === 'scratch'} onChange={() => setChoice('scratch')} />
          Nothing: a small conv net from scratch
        </label>
      </fieldset>
      <p id={`${groupId}-why`} className="muted">
        With 20 to 50 images a class, starting from a trained net is the better choice: its filters were learned from
        tens of thousands of images, so only the last layer has to be learned from yours. A net from scratch must learn
        its filters from your few hundred images too, and tends to memorise them.
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy} onClick={train}>
          Train
        </button>
        {phase === 'training' && own.view.status === 'running' && (
          <button type="button" className="button" onClick={own.pause}>
            Pause
          </button>
        )}
        {phase === 'training' && own.view.status === 'paused' && (
          <button type="button" className="button" onClick={own.start}>
            Continue
          </button>
        )}
      </div>
      {message && (
        <p className="field-message--error" role="alert" data-testid="own-train-error">
          {message}
        </p>
      )}
      <div role="status" aria-live="polite" className="own-progress">
        {phase === 'pretraining' && (
          <p>
            Training the MNIST base on the built-in digits: step {base.view.stepsDone} of {base.view.totalSteps || '…'}
            <progress max={base.view.totalSteps || 1} value={base.view.stepsDone} aria-label="MNIST base progress" />
          </p>
        )}
        {(phase === 'training' || phase === 'done') && (
          <p data-testid="own-run-progress">
            Your images: step {own.view.stepsDone} of {own.view.totalSteps || '…'}
            {ownPoint && ` · loss ${ownPoint.loss.toFixed(3)} · training accuracy ${percent(ownPoint.accuracy)}`}
            <progress max={own.view.totalSteps || 1} value={own.view.stepsDone} aria-label="Training progress" />
          </p>
        )}
        {(own.view.status === 'diverged' || own.view.status === 'error') && own.view.message && (
          <p className="field-message--error">{own.view.message}</p>
        )}
      </div>
      {test && (
        <div data-testid="own-test">
          <p>
            On the held-out images (every fifth of each class, never trained on):{' '}
            <strong data-testid="own-test-accuracy">{percent(test.accuracy)}</strong> of {test.count} right.
          </p>
          <ul className="own-per-class">
            {classNames.map((name, c) => (
              <li key={name}>
                {name}: {Number.isNaN(test.perClassAccuracy[c]) ? '—' : percent(test.perClassAccuracy[c]!)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
