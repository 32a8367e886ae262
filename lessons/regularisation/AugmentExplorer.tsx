/**
 * One picture and eight augmented copies of it, made by the engine's augmentBatch: mirror, shift
 * by a random crop of the zero-padded image, and jitter brightness and contrast. Every control
 * redraws the copies; "New draw" (or R with the copies focused) draws again with the same
 * settings. Each copy says what was done to it. Works on the embedded digits, and on CIFAR-10
 * photos once they are loaded.
 */
import { type ReactElement, useId, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import type { AugmentOptions, ImageAugment } from '../../engine/data/augment';
import type { Dataset } from '../../engine/data/dataset';
import { augmentedCopies, distinctVersions } from './augmentCopies';
import { count, fmt } from './format';
import { redrawKeyProps } from './redrawKeys';

const COPIES = 8;
type Source = 'mnist' | 'cifar';

export interface AugmentExplorerProps {
  readonly mnist: Dataset;
  readonly cifar: Dataset | null;
}

/**
 * The crop reads pixel (y + dy, x + dx), so the content moves up by dy and left by dx; a mirror
 * applied after the crop (augmentBatch's order) turns that left into right.
 */
function shift(d: ImageAugment): string {
  if (d.dy === 0 && d.dx === 0) return 'not moved';
  const left = d.flip ? d.dx < 0 : d.dx > 0;
  const moves = [
    d.dy !== 0 ? `${Math.abs(d.dy)} ${d.dy > 0 ? 'up' : 'down'}` : '',
    d.dx !== 0 ? `${Math.abs(d.dx)} ${left ? 'left' : 'right'}` : '',
  ];
  return `moved ${moves.filter(Boolean).join(', ')}`;
}

function describe(d: ImageAugment, options: AugmentOptions): string {
  const parts: string[] = [];
  if ((options.cropPadding ?? 0) > 0) parts.push(shift(d));
  if (options.flip) parts.push(d.flip ? 'mirrored' : 'not mirrored');
  if ((options.brightness ?? 0) > 0) parts.push(`${d.offset >= 0 ? '+' : '−'}${fmt(Math.abs(d.offset), 2)}`);
  if ((options.contrast ?? 0) > 0) parts.push(`×${fmt(d.scale, 2)}`);
  return parts.length ? parts.join(' · ') : 'unchanged';
}

export function AugmentExplorer({ mnist, cifar }: AugmentExplorerProps): ReactElement {
  const uid = useId();
  const [source, setSource] = useState<Source>('mnist');
  const dataset = source === 'cifar' && cifar ? cifar : mnist;
  const [index, setIndex] = useState(0);
  const [flip, setFlip] = useState(false);
  const [padding, setPadding] = useState(2);
  const [brightness, setBrightness] = useState(0);
  const [contrast, setContrast] = useState(0);
  const [draw, setDraw] = useState(1);
  const options: AugmentOptions = useMemo(
    () => ({ flip, cropPadding: padding, brightness, contrast }),
    [flip, padding, brightness, contrast],
  );
  const at = Math.min(index, dataset.count - 1);
  const made = useMemo(
    () => augmentedCopies(dataset, at, options, COPIES, draw * 104729 + 17),
    [dataset, at, options, draw],
  );
  const shape = dataset.shape;
  const versions = distinctVersions(options);
  const label = dataset.classNames[dataset.labels[at]!] ?? '?';
  const redraw = (): void => setDraw((d) => d + 1);
  const slider = (
    name: string,
    value: number,
    set: (v: number) => void,
    max: number,
    step: number,
    shown: string,
  ): ReactElement => (
    <div className="number-field reg-slider">
      <label htmlFor={`${uid}-${name}`}>{shown}</label>
      <input
        id={`${uid}-${name}`}
        type="range"
        min={0}
        max={max}
        step={step}
        value={value}
        onChange={(e) => set(Number(e.target.value))}
      />
    </div>
  );

  return (
    <div
      className="reg-widget"
      data-testid="augment"
      data-source={dataset === mnist ? 'mnist' : 'cifar'}
      data-index={at}
      data-draw={draw}
      data-versions={Number.isFinite(versions) ? versions : 'infinite'}
    >
      <div className="reg-controls">
        {cifar && (
          <ChoiceGroup
            legend="Images"
            options={[
              { value: 'mnist', label: 'Digits (MNIST)' },
              { value: 'cifar', label: 'Photos (CIFAR-10)' },
            ]}
            value={source}
            onChange={(s) => {
              setSource(s);
              setFlip(s === 'cifar');
            }}
          />
        )}
        <div className="button-row" role="toolbar" aria-label="Choose the picture">
          <button type="button" className="button" onClick={() => setIndex(Math.max(0, at - 1))} disabled={at === 0}>
            ◀ Previous
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setIndex(Math.min(dataset.count - 1, at + 1))}
            disabled={at === dataset.count - 1}
          >
            Next ▶
          </button>
          <span className="reg-status">
            picture {count(at + 1)} of {count(dataset.count)}, label “{label}”
          </span>
        </div>
      </div>
      <div className="reg-controls">
        <label className="reg-check">
          <input type="checkbox" checked={flip} onChange={(e) => setFlip(e.target.checked)} /> Mirror half of them
        </label>
        {slider('pad', padding, setPadding, 4, 1, `Crop padding P = ${padding} px`)}
        {slider('bright', brightness, setBrightness, 0.5, 0.05, `Brightness ± ${fmt(brightness, 2)}`)}
        {slider('contrast', contrast, setContrast, 0.5, 0.05, `Contrast ×(1 ± ${fmt(contrast, 2)})`)}
        <button type="button" className="button button--primary" onClick={redraw}>
          New draw (R)
        </button>
      </div>
      <div className="reg-gallery">
        <figure className="reg-tile reg-tile--original" data-testid="augment-original">
          <ImageCanvas data={made.original} shape={shape} range={[0, 1]} scale={4} label={`original ${label}`} />
          <figcaption>original</figcaption>
        </figure>
        <div className="reg-copies" {...redrawKeyProps(redraw, 'Augmented copies; press R to draw again')}>
          {made.copies.map((copy, i) => {
            const d = made.draws[i]!;
            return (
              <figure
                // biome-ignore lint/suspicious/noArrayIndexKey: copies are positions in the batch.
                key={i}
                className="reg-tile"
                data-copy={i}
                data-dy={d.dy}
                data-dx={d.dx}
                data-flip={d.flip}
                data-offset={d.offset}
                data-scale={d.scale}
              >
                <ImageCanvas data={copy} shape={shape} range={[0, 1]} scale={4} label={`copy ${i + 1}`} />
                <figcaption>{describe(d, options)}</figcaption>
              </figure>
            );
          })}
        </div>
      </div>
      <p aria-live="polite" data-testid="augment-readout">
        {Number.isFinite(versions)
          ? `With these settings one picture can become ${count(versions)} different training images: ${(2 * padding + 1) ** 2} crop positions${flip ? ' × 2 mirror images' : ''}.`
          : 'With brightness or contrast jitter the changes are continuous: no two draws are the same picture.'}
      </p>
    </div>
  );
}
