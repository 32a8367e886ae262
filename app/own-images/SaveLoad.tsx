/**
 * Keeping your work: the images as a zip (a folder of PNGs per class and labels.json) and the
 * trained model as a .convlab file the studio opens too; both loaded back here.
 */
import { type ReactElement, useState } from 'react';
import { DatasetError } from '../../engine/data/dataset';
import { ownImagesDataset } from '../../engine/data/own-images';
import { DEFAULT_HYPER } from '../stores/studio';
import { encodeModelFile, isModelFileError, readModelFile, tensorsFor } from '../studio/keep/modelFile';
import { downloadBytes } from '../ui/download';
import { ownImagesFor } from './inputs';
import { replaceSet, totalImages, useOwnImages } from './ownStore';
import { decodeSet, encodeSet, SetFileError } from './setFile';
import type { OwnTraining } from './useOwnTraining';

function words(error: unknown): string {
  if (error instanceof SetFileError || error instanceof DatasetError || isModelFileError(error)) return error.message;
  return 'That file could not be used.';
}

export function SaveLoad({ training }: { readonly training: OwnTraining }): ReactElement {
  const classes = useOwnImages((s) => s.classes);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { own, shape, classNames, test } = training;
  const trained =
    shape !== null && (own.view.status === 'done' || own.view.status === 'paused' || own.view.status === 'ready');

  const saveImages = async (): Promise<void> => {
    downloadBytes(await encodeSet(classes), 'my-images.zip', 'application/zip');
    setMessage({ text: `Saved ${totalImages(classes)} images as my-images.zip.`, error: false });
  };
  const loadImages = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const set = await decodeSet(file);
      replaceSet(set);
      setMessage({
        text: `Loaded ${set.reduce((n, c) => n + c.samples.length, 0)} images in ${set.length} classes.`,
        error: false,
      });
    } catch (error) {
      setMessage({ text: words(error), error: true });
    }
  };
  const saveModel = async (): Promise<void> => {
    const run = own.run();
    const setupSpec = training.spec;
    if (!run || !shape || !setupSpec) return;
    const weights = await run.exportWeights();
    const bytes = encodeModelFile({
      name: 'Your images',
      savedAt: new Date().toISOString(),
      spec: setupSpec,
      hyper: DEFAULT_HYPER,
      dataset: { choice: null, name: 'your-images', shape: [...shape] as [number, number, number], classNames },
      training: {
        epochs: own.view.epochs.at(-1)?.epoch ?? 0,
        validationAccuracy: test?.accuracy ?? null,
        validationLoss: test?.loss ?? null,
      },
      weights: tensorsFor(setupSpec, weights),
    });
    downloadBytes(bytes, 'my-images-model.convlab');
    setMessage({ text: 'Saved the model as my-images-model.convlab (the studio opens it too).', error: false });
  };
  const loadModel = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const { file: model } = await readModelFile(file);
      const [c, h, w] = model.dataset.shape;
      if (!(c === 1 || c === 3)) throw new DatasetError('This model does not take images.');
      const current = useOwnImages.getState().classes;
      if (model.dataset.classNames.length !== current.length) {
        throw new DatasetError(
          `This model knows ${model.dataset.classNames.length} classes and your set has ${current.length}: load its images (the zip) first.`,
        );
      }
      const images = ownImagesFor(current, [c, h, w]);
      ownImagesDataset(images);
      const weights = Object.fromEntries(model.weights.map((t) => [t.name, t.data]));
      training.adoptModel(
        {
          spec: model.spec,
          seed: 7,
          trainer: { epochs: 1 },
          data: { trainLimit: null, validation: 0, source: { kind: 'images', ...images } },
          initialWeights: weights,
        },
        [c, h, w],
        model.dataset.classNames,
      );
      setMessage({ text: `Loaded the model “${model.name}”: it predicts from the camera now.`, error: false });
    } catch (error) {
      setMessage({ text: words(error), error: true });
    }
  };

  return (
    <section className="own-save" aria-labelledby="own-save-title" data-testid="own-save">
      <h2 id="own-save-title">Save and load</h2>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={totalImages(classes) === 0}
          onClick={() => void saveImages()}
        >
          Save images (.zip)
        </button>
        <label className="button own-file">
          Load images
          <input
            type="file"
            accept=".zip,application/zip"
            className="visually-hidden"
            onChange={(e) => void loadImages(e.target.files?.[0])}
          />
        </label>
        <button type="button" className="button" disabled={!trained} onClick={() => void saveModel()}>
          Save model (.convlab)
        </button>
        <label className="button own-file">
          Load model
          <input
            type="file"
            accept=".convlab"
            className="visually-hidden"
            onChange={(e) => void loadModel(e.target.files?.[0])}
          />
        </label>
      </div>
      {message && (
        <p
          className={message.error ? 'field-message--error' : 'muted'}
          role={message.error ? 'alert' : 'status'}
          data-testid="own-save-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
