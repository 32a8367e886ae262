/** Section 4: Var(y) = n Var(w) Var(x), and the Xavier, Glorot and He rules that follow from it. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { FanCalculator } from './FanCalculator';

export function VarianceSection(): ReactElement {
  return (
    <Section id="variance" title="Keeping the variance: Xavier and He">
      <p>
        Why 0.224, and what is the right σ? Take one unit before its activation,{' '}
        <TeX tex="y = \sum_{i=1}^{n} w_i x_i" />, with weights and inputs independent and the weights zero-mean. The
        variance of a product of independent zero-mean factors is the product of their variances, and variances of
        independent terms add:
      </p>
      <TeX
        block
        tex="\mathrm{Var}(y) = \sum_{i=1}^{n}\mathrm{Var}(w_i x_i) = \sum_{i=1}^{n}\mathrm{Var}(w)\,\mathrm{Var}(x) = n\,\mathrm{Var}(w)\,\mathrm{Var}(x)"
      />
      <p>
        Every layer multiplies the variance by <TeX tex="n\,\mathrm{Var}(w)" />. With 500 units and σ = 0.01 that is{' '}
        <TeX tex="500 \cdot 10^{-4} = 0.05" /> (the standard deviation by <TeX tex="\sqrt{0.05} \approx 0.224" />
        ); with σ = 1 it is 500. To keep the variance the same through the layer, make the factor 1:
      </p>
      <TeX
        block
        tex="\text{Xavier:}\quad n_{in}\,\mathrm{Var}(w) = 1 \;\Rightarrow\; \mathrm{Var}(w) = \frac{1}{n_{in}}"
      />
      <p>
        The backward pass multiplies the gradient’s variance by <TeX tex="n_{out}\,\mathrm{Var}(w)" /> in the same way,
        which would ask for <TeX tex="1/n_{out}" />. Glorot and Bengio’s compromise averages the two:
      </p>
      <TeX block tex="\text{Glorot:}\quad \mathrm{Var}(w) = \frac{2}{n_{in} + n_{out}}" />
      <p>
        Both assume the activation is symmetric with slope 1 near zero, as tanh is. A ReLU sets the negative half of its
        input to zero, so it keeps only half of the mean square:{' '}
        <TeX tex="\mathbb{E}[\mathrm{relu}(y)^2] = \tfrac12\mathrm{Var}(y)" />. He et al. double the weights’ variance
        to make up for it:
      </p>
      <TeX
        block
        tex="\text{He:}\quad \tfrac12\, n_{in}\,\mathrm{Var}(w) = 1 \;\Rightarrow\; \mathrm{Var}(w) = \frac{2}{n_{in}}"
      />
      <p>
        In the experiment every layer is square, <TeX tex="n_{in} = n_{out} = 500" />, so Xavier and Glorot agree:{' '}
        <TeX tex="\sigma = 1/\sqrt{500} \approx 0.0447" />. Try other shapes here:
      </p>
      <Figure caption="The variance each rule asks for, and the standard deviation of an n_out × n_in matrix drawn by the engine's initialisers.">
        <FanCalculator />
      </Figure>
    </Section>
  );
}
