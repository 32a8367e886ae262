/** Section 2: the algorithm box from the lecture, then run on an editable mini-batch. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { MiniBatchTable } from './MiniBatchTable';

/** The four steps of the lecture's algorithm box, line for line (its header is written in HTML below). */
const ALGORITHM = String.raw`\begin{array}{ll}
\mu_{\mathcal{B}} \leftarrow \dfrac{1}{m} \displaystyle\sum_{i=1}^m x_i & \quad \text{// mini-batch mean} \\[14pt]
\sigma_{\mathcal{B}}^2 \leftarrow \dfrac{1}{m} \displaystyle\sum_{i=1}^m (x_i - \mu_{\mathcal{B}})^2 & \quad \text{// mini-batch variance} \\[14pt]
\hat{x}_i \leftarrow \dfrac{x_i - \mu_{\mathcal{B}}}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}} & \quad \text{// normalize} \\[10pt]
y_i \leftarrow \gamma \hat{x}_i + \beta \equiv \text{BN}_{\gamma,\beta}(x_i) & \quad \text{// scale and shift}
\end{array}`;

export function AlgorithmSection(): ReactElement {
  return (
    <Section id="algorithm" title="The algorithm, step by step">
      <p>
        Batch norm works on one feature at a time. For that feature it takes the m values in the current mini-batch, one
        per example, and runs four lines (the algorithm as the paper and the lecture give it):
      </p>
      <div className="bn-algorithm">
        <p>
          <strong>Input:</strong> values of <TeX tex="x" /> over a mini-batch:{' '}
          <TeX tex={String.raw`\mathcal{B} = \{x_{1 \dots m}\};`} />
          <br />
          <strong>Parameters to be learned:</strong> <TeX tex={String.raw`\gamma, \beta`} />
          <br />
          <strong>Output:</strong> <TeX tex={String.raw`\{y_i = \text{BN}_{\gamma,\beta}(x_i)\}`} />
        </p>
        <TeX block tex={ALGORITHM} />
      </div>
      <p>
        The first three lines give every feature mean 0 and variance 1 over the batch. The variance divides by m, not m
        − 1: it describes this batch, it does not estimate anything. The small constant <TeX tex="\epsilon" /> (10⁻⁵ by
        default) keeps the division safe when all m values are equal. The last line hands control back to the network:{' '}
        <TeX tex="\gamma" /> and <TeX tex="\beta" /> are learned by gradient descent like any weight, one pair per
        feature, so the layer can choose any mean and spread it finds useful.
      </p>
      <Figure
        wide
        caption="Edit any value of the mini-batch (arrow keys move between cells) or change γ, β and ε. Every number is computed by the engine's batch-norm layer; focus a cell to see its working."
      >
        <MiniBatchTable />
      </Figure>
      <Callout tone="tip" title="Things to try">
        Make one column constant: σ² becomes 0 and x̂ is 0 for every example, thanks to ε. Set ε to 0, γ to √σ² and β to
        μ for a column, and y gives you the input back. Add 100 to every value of a column: μ moves, but x̂ does not
        change at all.
      </Callout>
    </Section>
  );
}
