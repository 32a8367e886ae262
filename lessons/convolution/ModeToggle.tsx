/**
 * Two-way switch between cross-correlation (slide the kernel as written) and convolution (slide
 * it rotated by 180°). A radio group, so arrow keys move between the options.
 */
import type { ReactElement } from 'react';

export type SlideMode = 'correlation' | 'convolution';

const OPTIONS: readonly { readonly mode: SlideMode; readonly label: string }[] = [
  { mode: 'correlation', label: 'Cross-correlation' },
  { mode: 'convolution', label: 'Convolution (flip kernel)' },
];

export function ModeToggle({ mode, onChange }: { mode: SlideMode; onChange: (m: SlideMode) => void }): ReactElement {
  return (
    <fieldset className="segmented">
      <legend>Operation</legend>
      {OPTIONS.map((o) => (
        <label key={o.mode} className={o.mode === mode ? 'segmented-option is-selected' : 'segmented-option'}>
          <input type="radio" name="slide-mode" checked={o.mode === mode} onChange={() => onChange(o.mode)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
