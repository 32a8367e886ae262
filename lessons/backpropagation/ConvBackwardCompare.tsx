/**
 * The backward pass of a convolution, two ways on the same numbers: the engine's conv2dBackward
 * (im2col, a transposed matrix product, col2im), and a "full" convolution: zero-pad ∂L/∂y by
 * k − 1 on every side and slide the 180°-rotated kernel over it, using the engine's forward
 * conv2d. The widget reports the largest difference between the two, which is 0. "New numbers"
 * draws another seeded example.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { chainNumbers, convBackward, denseUpstream, K, X_SIZE, Y_SIZE } from './cnnChain';
import { json } from './format';

export function ConvBackwardCompare(): ReactElement {
  const [seed, setSeed] = useState(1);
  const ch = useMemo(() => {
    const { x, w } = chainNumbers(seed);
    const dy = denseUpstream(seed);
    return { w, dy, ...convBackward(x, w, dy) };
  }, [seed]);
  let maxDiff = 0;
  for (let i = 0; i < ch.dx.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ch.dx[i]! - ch.dxFull[i]!));
  const padSize = Y_SIZE + 2 * (K - 1);

  return (
    <div
      className="bp-widget"
      data-testid="conv-backward"
      data-seed={seed}
      data-dy={json(ch.dy)}
      data-w={json(ch.w)}
      data-dx-engine={json(ch.dx)}
      data-dx-full={json(ch.dxFull)}
    >
      <div className="bp-grids">
        <Card name="∂L/∂y (from the layer above)" values={ch.dy} size={Y_SIZE} />
        <Card name="kernel w" values={ch.w} size={K} />
        <Card name="w rotated 180°" values={ch.wFlipped} size={K} />
      </div>
      <div className="bp-compare">
        <div className="bp-compare-side" data-testid="dx-engine">
          <p className="bp-compare-title">Engine: conv2dBackward</p>
          <Card name="∂L/∂x" values={ch.dx} size={X_SIZE} />
        </div>
        <div className="bp-compare-side" data-testid="dx-full">
          <p className="bp-compare-title">Full convolution with the rotated kernel</p>
          <div className="bp-grids">
            <Card name={`∂L/∂y padded by ${K - 1}`} values={ch.dyPadded} size={padSize} xs />
            <Card name="⋆ rot180(w) =" values={ch.wFlipped} size={K} xs />
            <Card name="∂L/∂x" values={ch.dxFull} size={X_SIZE} />
          </div>
        </div>
      </div>
      <p
        className={maxDiff < 1e-5 ? 'bp-verdict bp-verdict--ok' : 'bp-verdict'}
        data-testid="conv-match"
        data-max-diff={maxDiff}
      >
        Largest difference between the two: {maxDiff.toExponential(1)} —{' '}
        {maxDiff < 1e-5 ? 'they match.' : 'they differ!'}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setSeed((s) => s + 1)}>
          New numbers
        </button>
      </div>
    </div>
  );
}

function Card(props: { name: string; values: ArrayLike<number>; size: number; xs?: boolean }): ReactElement {
  return (
    <div className="bp-grid-card">
      <p className="bp-grid-name">{props.name}</p>
      <TensorGrid
        values={props.values}
        rows={props.size}
        cols={props.size}
        label={props.name}
        heat="diverging"
        size={props.xs ? 'xs' : 'sm'}
        hideCaption
      />
    </div>
  );
}
