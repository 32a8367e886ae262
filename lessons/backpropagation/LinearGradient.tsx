/**
 * The lecture's result for a linear softmax classifier, dL/dW = (SM(z) − y) xᵀ, with numbers:
 * a 4-pixel input, three classes, a choice of true class. z, softmax and the gradient come from
 * the engine (dense forward, softmax, the fused cross-entropy gradient, dense backward); the
 * formula shows that the engine's dW is exactly the outer product of (p − y) and x.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { TeX } from '../../app/ui/Math';
import { denseBackward, denseForward } from '../../engine/cpu/dense';
import { softmaxCrossEntropy } from '../../engine/cpu/losses';
import { softmaxForward } from '../../engine/cpu/softmax';
import { fmt, json, texCol, texMat, texRow } from './format';

/** The lecture's single-layer example input (notes 001), and weights of our own. */
const X = [1, 2, 4, 0];
const W = [0.1, -0.2, 0.3, 0.5, 0.4, 0.1, -0.3, 0.2, -0.2, 0.3, 0.1, -0.4];
const DIMS = { batch: 1, inputs: 4, units: 3 } as const;

export function LinearGradient(): ReactElement {
  const [label, setLabel] = useState(0);
  const r = useMemo(() => {
    const x = Float32Array.from(X);
    const w = Float32Array.from(W);
    const z = new Float32Array(3);
    denseForward(DIMS, x, w, null, z);
    const p = new Float32Array(3);
    softmaxForward(1, 3, z, p);
    const dz = new Float32Array(3);
    const loss = softmaxCrossEntropy(1, 3, z, [label], dz);
    const dW = new Float32Array(12);
    denseBackward(DIMS, x, w, dz, { dx: null, dw: dW, db: null });
    return { z, p, dz, loss, dW };
  }, [label]);
  const y = [0, 1, 2].map((k) => (k === label ? 1 : 0));

  return (
    <div className="bp-widget" data-testid="linear-gradient" data-label={label} data-dw={json(r.dW)} data-p={json(r.p)}>
      <ChoiceGroup
        legend="True class y"
        options={[0, 1, 2].map((k) => ({ value: k, label: `class ${k}` }))}
        value={label}
        onChange={setLabel}
      />
      <TeX block tex={`z = Wx = ${texMat(W, 3, 4, 1)}${texCol(X, 0)} = ${texCol(r.z)}`} />
      <TeX
        block
        tex={`\\mathrm{SM}(z) = ${texCol(r.p)},\\qquad y = ${texCol(y, 0)},\\qquad L = -\\log ${fmt(r.p[label]!)} = ${fmt(r.loss)}`}
      />
      <TeX
        block
        tex={`\\frac{dL}{dW} = (\\mathrm{SM}(z) - y)\\,x^{\\top} = ${texCol(r.dz)}${texRow(X, 0)} = ${texMat(r.dW, 3, 4)}`}
      />
    </div>
  );
}
