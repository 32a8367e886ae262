/**
 * Filters on real pictures: an MNIST digit (from the embedded set) or the procedurally drawn
 * scene, a 3x3 kernel to edit or pick from presets (the lecture's edge kernels, blur, sharpen),
 * and the engine's cross-correlation of the two drawn with a diverging colour map, because an
 * edge filter's answer has a sign. Pixels are scaled from bytes to 0–1 before filtering, as a
 * network's input would be, so output values stay small and readable.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { KernelEditor } from '../../app/ui/KernelEditor';
import { NumberField } from '../../app/ui/NumberField';
import { SignedImageCanvas } from '../../app/ui/SignedImageCanvas';
import { useMnist } from '../images-are-tensors/useMnist';
import { correlate, type Plane } from './correlate';
import { HORIZONTAL_EDGES, KERNEL_PRESETS } from './examples';
import { SCENE_SIZE, scene } from './scene';

type Source = 'digit' | 'scene';

interface Picture {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly name: string;
  /** Screen pixels per image pixel, so both pictures come out about the same size. */
  readonly scale: number;
}

export function ImageFilters(): ReactElement {
  const mnist = useMnist();
  const [source, setSource] = useState<Source>('digit');
  const [digit, setDigit] = useState(0);
  const [kernel, setKernel] = useState<number[]>([...HORIZONTAL_EDGES]);

  const picture = useMemo((): Picture | null => {
    if (source === 'scene') return { bytes: scene().grey, size: SCENE_SIZE, name: 'the drawn scene', scale: 3 };
    if (mnist.status !== 'ready') return null;
    const [, h, w] = mnist.dataset.shape;
    const bytes = mnist.dataset.images.subarray(digit * h * w, (digit + 1) * h * w);
    return { bytes, size: h, name: `MNIST digit #${digit} (a ${mnist.dataset.labels[digit]})`, scale: 7 };
  }, [source, mnist, digit]);

  const output = useMemo((): Plane | null => {
    if (!picture) return null;
    const values = Float32Array.from(picture.bytes, (b) => b / 255);
    return correlate({ rows: picture.size, cols: picture.size, values }, kernel, 3);
  }, [picture, kernel]);

  return (
    <div className="filters" data-testid="image-filters" data-source={source}>
      <div className="filters-controls">
        <fieldset className="segmented">
          <legend>Picture</legend>
          {(['digit', 'scene'] as const).map((s) => (
            <label key={s} className={s === source ? 'segmented-option is-selected' : 'segmented-option'}>
              <input type="radio" name="filter-source" checked={s === source} onChange={() => setSource(s)} />
              {s === 'digit' ? 'MNIST digit' : 'Drawn scene'}
            </label>
          ))}
        </fieldset>
        {source === 'digit' && mnist.status === 'ready' && (
          <NumberField
            label="Digit number"
            value={digit}
            onChange={setDigit}
            min={0}
            max={mnist.dataset.count - 1}
            integer
          />
        )}
      </div>
      {source === 'digit' && mnist.status === 'loading' && (
        <p className="loading" role="status">
          Loading the digits…
        </p>
      )}
      {source === 'digit' && mnist.status === 'error' && (
        <p className="field-message--error" data-testid="filters-error">
          {mnist.message} Choose the drawn scene instead.
        </p>
      )}
      <div className="filters-row">
        {picture && (
          <div>
            <p className="grid-title">Input: {picture.name}</p>
            <ImageCanvas
              data={picture.bytes}
              shape={[1, picture.size, picture.size]}
              scale={picture.scale}
              label={`Input picture, ${picture.name}`}
              readout
              className="filters-input"
            />
          </div>
        )}
        <div>
          <p className="grid-title">Kernel (3×3)</p>
          <KernelEditor size={3} values={kernel} onChange={setKernel} presets={KERNEL_PRESETS} label="Filter kernel" />
        </div>
        {picture && output && (
          <div>
            <p className="grid-title">
              Output ({output.rows}×{output.cols})
            </p>
            <SignedImageCanvas
              data={output.values}
              height={output.rows}
              width={output.cols}
              scale={picture.scale}
              label={`Filter output for ${picture.name}`}
              readout
              testId="filter-output"
            />
          </div>
        )}
      </div>
    </div>
  );
}
