/** One MNIST digit up close: the picture, its 28x28 bytes, and its label as a one-hot vector. */
import { type ReactElement, useMemo } from 'react';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { TensorGrid } from '../../app/ui/TensorGrid';
import type { Dataset } from '../../engine/data/dataset';
import { OneHotVector } from './OneHotVector';

export function DigitDetail({ dataset, index }: { readonly dataset: Dataset; readonly index: number }): ReactElement {
  const [c, h, w] = dataset.shape;
  const size = c * h * w;
  const pixels = useMemo(() => dataset.images.subarray(index * size, (index + 1) * size), [dataset, index, size]);
  const label = dataset.labels[index]!;
  return (
    <div className="digit-detail" data-testid="digit-detail" data-index={index} data-label={label}>
      <div className="digit-summary">
        <ImageCanvas
          data={pixels}
          shape={dataset.shape}
          scale={9}
          label={`MNIST sample ${index}, a handwritten ${label}`}
          readout
        />
        <div>
          <h3>
            Sample #{index}: label {label}
          </h3>
          <p>
            Shape{' '}
            <code>
              ({c}, {h}, {w})
            </code>{' '}
            — {size} bytes. Ink is bright (near 255), paper is 0.
          </p>
          <OneHotVector
            label={label}
            classNames={dataset.classNames}
            caption={`Its label, ${label}, one-hot encoded`}
          />
        </div>
      </div>
      <TensorGrid
        values={pixels}
        rows={h}
        cols={w}
        size="xs"
        heat="sequential"
        range={[0, 255]}
        label={`The ${h} by ${w} bytes of sample ${index}`}
        describe={(cell) => `pixel (${cell.row}, ${cell.col}) = ${cell.value}`}
      />
    </div>
  );
}
