/** Section 6: stochastic depth, the lecture's formulas and results. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';

export function StochasticDepthSection(): ReactElement {
  return (
    <Section id="stochastic-depth" title="Stochastic depth">
      <p>
        Very deep residual nets train slowly. Stochastic depth (Huang et al.) uses the shortcut a second way: for each
        mini-batch, each residual block is switched off at random, so that the block is only its identity shortcut. Each
        batch trains a shorter net, and the full-depth net at test time behaves like an ensemble of nets of varying
        depth. With it the lecture reports nets of more than 1,200 layers. In training, with{' '}
        <TeX tex="b_\ell \in \{0, 1\}" /> drawn per batch,
      </p>
      <TeX
        block
        tex="H_\ell = \operatorname{ReLU}\!\big(b_\ell\, f_\ell(H_{\ell-1}) + \operatorname{id}(H_{\ell-1})\big),"
      />
      <p>
        where block <TeX tex="\ell" /> survives (<TeX tex="b_\ell = 1" />) with probability <TeX tex="p_\ell" />,
        falling linearly from <TeX tex="p_0 = 1" /> at the input to <TeX tex="p_L" /> (0.5 in the paper) at the last of{' '}
        <TeX tex="L" /> blocks. At test time every block is on and its residual is scaled by how often it was on:
      </p>
      <TeX
        block
        tex="p_\ell = 1 - \frac{\ell}{L}\,(1 - p_L), \qquad H_\ell^{\text{Test}} = \operatorname{ReLU}\!\big(p_\ell\, f_\ell(H_{\ell-1}^{\text{Test}}; W_\ell) + H_{\ell-1}^{\text{Test}}\big)"
      />
      <div className="rc-table-scroll">
        <table className="data-table">
          <caption>The lecture’s results: constant against stochastic depth</caption>
          <thead>
            <tr>
              <th scope="col">ResNet with</th>
              <th scope="col">CIFAR-10+ test error</th>
              <th scope="col">CIFAR-100+ test error</th>
              <th scope="col">CIFAR-10+ training time</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">constant depth</th>
              <td>6.41%</td>
              <td>27.76%</td>
              <td>20 h 42 m</td>
            </tr>
            <tr>
              <th scope="row">stochastic depth</th>
              <td>5.25%</td>
              <td>24.98%</td>
              <td>15 h 7 m</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        Lower error and a quarter less training time: dropping blocks saves their forward and backward passes, and works
        as a regulariser much as dropout does for units. It is only possible because of the shortcut: a plain net with a
        layer removed has a hole in it, a residual net with a block removed is still a working net.
      </p>
    </Section>
  );
}
