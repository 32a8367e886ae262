/**
 * PCA colour on the digits: a grey digit has one channel, so written as RGB its R, G and B are
 * equal at every pixel. The engine's covariance of 200 such digits then has one non-zero
 * eigenvalue with eigenvector (1, 1, 1)/√3: every draw adds the same amount to all three
 * channels, a brightness change and no colour at all.
 */
import { type ReactElement, useMemo } from 'react';
import type { BatchShape } from '../../engine/data/augment';
import { gatherBatch } from '../../engine/data/batch';
import type { Dataset } from '../../engine/data/dataset';
import { colourPca } from '../../engine/data/pca-colour';
import { PcaTable } from './PcaTable';

const DIGITS = 200;

export function GreyPca({ mnist }: { readonly mnist: Dataset }): ReactElement {
  const pca = useMemo(() => {
    const n = Math.min(DIGITS, mnist.count);
    const [, h, w] = mnist.shape;
    const plane = h * w;
    const grey = gatherBatch(
      mnist,
      Array.from({ length: n }, (_, i) => i),
      new Float32Array(n * plane),
    );
    const rgb = new Float32Array(n * 3 * plane);
    for (let i = 0; i < n; i++) {
      const digit = grey.subarray(i * plane, (i + 1) * plane);
      for (let ch = 0; ch < 3; ch++) rgb.set(digit, (i * 3 + ch) * plane);
    }
    const shape: BatchShape = [n, 3, h, w];
    return colourPca(rgb, shape);
  }, [mnist]);
  return (
    <div
      className="reg-widget"
      data-testid="grey-pca"
      data-eigenvalues={JSON.stringify(pca.eigenvalues)}
      data-eigenvectors={JSON.stringify(pca.eigenvectors)}
    >
      <PcaTable pca={pca} caption={`${DIGITS} digits written as RGB (R = G = B)`} />
    </div>
  );
}
