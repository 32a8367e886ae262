/**
 * Picks the image the activation, saliency and CAM views look at: a held-out digit by number
 * (with previous / next), or a digit the student draws. Every view that uses the chosen image
 * shows this same picker, bound to the one shared choice, so moving it anywhere moves them all.
 */
import type { ReactElement } from 'react';
import { DrawPad } from '../../app/ui/DrawPad';
import { NumberField } from '../../app/ui/NumberField';
import { useLearned } from './learnedRun';
import { VALIDATION } from './net';

export function ImagePicker({ draw = false }: { readonly draw?: boolean }): ReactElement {
  const { image, setImage, sampleIndex: index } = useLearned();
  const go = (to: number): void => setImage({ kind: 'sample', index: (to + VALIDATION) % VALIDATION });
  return (
    <div className="wl-picker">
      <div className="wl-picker-row">
        <NumberField
          label={`Held-out digit (0–${VALIDATION - 1})`}
          value={index}
          integer
          min={0}
          max={VALIDATION - 1}
          onChange={(v) => setImage({ kind: 'sample', index: v })}
        />
        <button type="button" className="button" onClick={() => go(index - 1)}>
          Previous
        </button>
        <button type="button" className="button" onClick={() => go(index + 1)}>
          Next
        </button>
      </div>
      {draw ? (
        <div className="wl-draw">
          <p className="muted">Or draw a digit (the views switch to your drawing; Clear goes back):</p>
          <DrawPad onDrawing={(pixels) => setImage(pixels ? { kind: 'drawn', pixels } : { kind: 'sample', index })} />
        </div>
      ) : null}
      <p className="muted" data-testid="chosen-image">
        Looking at {image.kind === 'sample' ? `held-out digit ${image.index}` : 'your drawing'}.
      </p>
    </div>
  );
}
