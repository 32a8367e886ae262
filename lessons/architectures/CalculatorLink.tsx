/**
 * A pointer to the layer calculator lesson, where the same reference spec can be loaded, edited and
 * recounted: the calculator has no URL parameter for a preset, so the link names the entry to pick.
 */
import type { ReactElement } from 'react';
import { PRESETS } from '../../engine/spec';

export function CalculatorLink({ preset }: { readonly preset: string }): ReactElement {
  const title = PRESETS[preset]?.title ?? preset;
  return (
    <p className="arch-calc-link">
      To edit it, open the <a href="#/lesson/layer-calculator">layer calculator</a> and load “{title}”.
    </p>
  );
}
