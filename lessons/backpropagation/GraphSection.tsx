/** Section 1: the chain rule on a computational graph, stepped forward and then backward. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Figure } from '../../app/ui/Figure';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { MlpGraph } from './MlpGraph';

export function GraphSection(): ReactElement {
  return (
    <Section id="graph" title="A network is a graph of small steps">
      <p>
        Training needs one number per parameter: how much the loss would change if that parameter moved a little, the
        gradient <TeX tex="\partial L/\partial w" />. A network can have millions of parameters, yet one backward pass
        finds all of those numbers for about the cost of a second forward pass. The trick is to see the network as a
        chain of simple operations, each of which knows its own derivative.
      </p>
      <p>
        If <TeX tex="z" /> feeds <TeX tex="h" /> and <TeX tex="h" /> feeds <TeX tex="L" />, the chain rule says a change
        in <TeX tex="z" /> reaches <TeX tex="L" /> through <TeX tex="h" />:
      </p>
      <TeX
        block
        tex="\frac{\partial L}{\partial z} = \frac{\partial L}{\partial h}\cdot\frac{\partial h}{\partial z}"
      />
      <p>
        Read right to left, that is the whole algorithm. Each node receives the gradient of the loss with respect to its
        output (the <em>upstream</em> gradient), multiplies it by its own <em>local</em> gradient, and passes the result
        to the nodes that fed it. Start at the loss with <TeX tex="\partial L/\partial L = 1" /> and walk the graph
        backwards.
      </p>
      <p>
        Below is a network with two inputs, two hidden ReLU units and two classes. Step through it: the forward pass
        fills each box with its value (blue), then the backward pass fills in its gradient (orange), and the formula
        under the drawing shows the product being taken, with the numbers.
      </p>
      <Figure
        wide
        caption="Blue: the value computed on the forward pass. Orange: ∂L/∂(this node) from the backward pass. The highlighted arrows are the ones the current step uses. Focus the drawing and use ← → (Home, End) to step."
      >
        <MlpGraph />
      </Figure>
      <Callout tone="tip" title="Two patterns to remember">
        A weight's gradient is the upstream gradient times the input it multiplied, an outer product{' '}
        <TeX tex="\delta\, x^{\top}" />; an input's gradient is the upstream gradient sent back through the transposed
        weights, <TeX tex="W^{\top}\delta" />. Every dense and convolutional layer does these two things.
      </Callout>
    </Section>
  );
}
