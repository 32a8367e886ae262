/** Section 3: the FGSM widget on the trained net. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import type { WorkerRunControls } from '../../app/ui/training/useWorkerRun';
import { FgsmLab } from './FgsmLab';
import type { Samples } from './useSamples';

export function FgsmSection({
  controls,
  samples,
  message,
}: {
  readonly controls: WorkerRunControls;
  readonly samples: Samples | null;
  readonly message: string | null;
}): ReactElement {
  return (
    <Section id="fgsm" title="Fooling the net, one ε at a time">
      <p>
        Pick a digit, then move ε. The middle picture is the perturbation{' '}
        <TeX tex="\varepsilon\,\operatorname{sign}(\nabla_x L)" />: blue pixels were pushed up by ε, red ones down (a
        red pixel that was already black cannot go lower, so it stays white: the clip). The table shows all ten
        probabilities before and after.
      </p>
      {message && <p className="field-message--error">{message}</p>}
      {samples ? (
        <FgsmLab key={samples.step} controls={controls} samples={samples} />
      ) : (
        <p className="muted">Waiting for the net…</p>
      )}
      <Callout tone="tip" title="What to look for">
        The loss after is higher than before: that is what the step was for (to first order it must be; the net is not
        exactly linear, so at large ε it is only almost always). On this net an ε of 0.2 or so is often enough to change
        the answer, while the digit stays readable: the grey haze around it is all a person sees. Try a few images with
        the search button: some give way at a small ε, others hold out past 0.3.
      </Callout>
    </Section>
  );
}
