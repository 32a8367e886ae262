/**
 * Play / Pause / Back / Step / Reset buttons for a `useStepper` animation, plus keyboard control
 * for the whole figure: wrap the animated figure in `<div {...stepperKeyProps(stepper)}>` and,
 * while focus is on that wrapper or one of these buttons, → steps, ← steps back, Home resets, End
 * jumps to the last step, and Space (on the wrapper itself) plays and pauses. Keys typed into an
 * input (an editable grid) are left alone. The step counter is announced politely. Buttons that
 * cannot act are aria-disabled, not disabled, so pressing the last Step keeps focus on it.
 */
import type { HTMLAttributes, KeyboardEvent, ReactElement } from 'react';
import { SoftButton } from './SoftButton';
import type { Stepper } from './useStepper';
import './StepControls.css';

export interface StepControlsProps {
  readonly stepper: Stepper;
  /** Names what steps, e.g. "window position"; used in the counter and the toolbar's label. */
  readonly noun?: string;
}

export function StepControls({ stepper, noun = 'step' }: StepControlsProps): ReactElement {
  const { step, count, playing, atEnd } = stepper;
  return (
    <div className="step-controls" role="toolbar" aria-label={`Animation of the ${noun}`}>
      <SoftButton className="button button--primary" onClick={stepper.toggle} off={count < 2} data-action="play">
        {playing ? 'Pause' : 'Play'}
      </SoftButton>
      <SoftButton className="button" onClick={stepper.prev} off={step === 0} data-action="back">
        ◀ Back
      </SoftButton>
      <SoftButton className="button" onClick={stepper.next} off={atEnd} data-action="step">
        Step ▶
      </SoftButton>
      <SoftButton className="button" onClick={stepper.reset} off={step === 0} data-action="reset">
        Reset
      </SoftButton>
      <span className="step-counter" aria-live="polite" data-step={step}>
        {count > 0 ? `${noun} ${step + 1} of ${count}` : `no ${noun}s`}
      </span>
    </div>
  );
}

const isField = (target: EventTarget): boolean =>
  target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);

/** Props that make a wrapper focusable and give it the stepper's keyboard shortcuts. */
export function stepperKeyProps(stepper: Stepper, label: string): HTMLAttributes<HTMLDivElement> {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (isField(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    const onWrapper = event.target === event.currentTarget;
    const act: Record<string, (() => void) | undefined> = {
      ArrowRight: stepper.next,
      ArrowLeft: stepper.prev,
      Home: stepper.reset,
      End: stepper.toEnd,
      // Space on a button already clicks it; only the wrapper itself maps Space to play/pause.
      ' ': onWrapper ? stepper.toggle : undefined,
    };
    const action = act[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  return {
    tabIndex: 0,
    role: 'group',
    'aria-label': label,
    'aria-keyshortcuts': 'ArrowRight ArrowLeft Home End Space',
    onKeyDown,
  };
}
