/**
 * "Resume training" after a reload in the middle of a run: the restored model's run stood at a
 * step of its epochs; one button continues from there (resume.ts), the other leaves it (Start
 * then begins a new run over the restored weights, as before).
 */
import type { ReactElement } from 'react';
import { dismissResume, resumeTraining, useResume } from './resume';
import './resume.css';

export function ResumeOffer(): ReactElement | null {
  const offer = useResume((s) => s.offer);
  if (!offer) return null;
  const epoch = offer.epochOffset + offer.step / offer.stepsPerEpoch;
  const epochs = offer.epochOffset + offer.totalSteps / offer.stepsPerEpoch;
  return (
    <section
      className="keep-resume"
      role="status"
      aria-label="Resume training"
      data-testid="resume-offer"
      data-step={offer.step}
      data-epoch={epoch}
    >
      <p>
        Your last session was training when the page closed: it had reached step {offer.step} of {offer.totalSteps}{' '}
        (epoch {epoch.toFixed(2)} of {Number(epochs.toFixed(2))}). Its weights are back; resume to carry on from that
        step.
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={resumeTraining}>
          Resume training
        </button>
        <button type="button" className="button" onClick={dismissResume}>
          Not now
        </button>
      </div>
    </section>
  );
}
