/**
 * Why a weight matrix with zero loss is not unique: scaling W by c scales every score of a linear
 * classifier by c (f(x; cW) = c·Wx), so once all margins are met, any larger c meets them too.
 * Shown on the lecture's cat image; the loss at each c comes from the engine.
 */
import { type ReactElement, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { CLASSES, hinge, LECTURE_SCORES, tidy } from './scores';

const CAT = LECTURE_SCORES[1]!;

export function ScaleDemo(): ReactElement {
  const [c, setC] = useState(2);
  const scaled = CAT.map((s) => s * c);
  const loss = hinge(scaled, 1);
  return (
    <div className="scale-demo" data-testid="scale-demo" data-loss={loss}>
      <label className="sm-range">
        <span>
          Scale W by c = <strong>{c.toFixed(1)}</strong>
        </span>
        <input
          type="range"
          min={0.1}
          max={4}
          step={0.1}
          value={c}
          onChange={(e) => setC(Number(e.target.value))}
          aria-label="Scale factor c"
        />
      </label>
      <TeX
        block
        tex={`s = ${c.toFixed(1)}\\cdot[${CAT.join(',\\ ')}] = [${scaled.map((s) => tidy(s, 2)).join(',\\ ')}]\\quad(${CLASSES.join(', ')})`}
      />
      <TeX
        block
        tex={`L = \\max(0,\\ ${tidy(scaled[0]!, 2)} - ${tidy(scaled[1]!, 2)} + 1) + \\max(0,\\ ${tidy(scaled[2]!, 2)} - ${tidy(scaled[1]!, 2)} + 1) = ${tidy(loss, 3)}`}
      />
    </div>
  );
}
