/**
 * Section 2: parameter sharing. The lecture's count of weights with and without sharing, computed
 * from the engine's summary of the same layer: without sharing every output neuron owns its own
 * F·F·D1 weights; with sharing all neurons of one activation map use one filter.
 */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { formatCount, summaryResult } from '../../app/ui/summaryResult';
import { sizeOf } from '../../engine/tensor/tensor';
import { CONV_EXAMPLES, convSpec } from './volume';

const tex = (n: number): string => formatCount(n).replace(/,/g, '{,}');

/** Neurons, weights per neuron and shared weights of one conv layer, all from summarize(). */
function counts(padding: number): { neurons: number; perNeuron: number; shared: number; shape: readonly number[] } {
  const base = CONV_EXAMPLES[0]!.settings;
  const result = summaryResult(convSpec({ ...base, p: padding }));
  if (!result.ok) throw result.error; // fixed lecture numbers: a failure here is a bug, not user input
  const layer = result.summary.layers[1]!;
  return {
    neurons: sizeOf(layer.outputShape),
    perNeuron: layer.weights / base.k,
    shared: layer.weights,
    shape: layer.outputShape,
  };
}

export function SharingSection(): ReactElement {
  const padded = counts(2); // the slide's 30×32×32 neurons (notes 004: "stride 1, pad" to keep 32×32)
  const valid = counts(0); // the same filters without padding: 30×28×28
  return (
    <Section id="sharing" title="Parameter sharing">
      <p>
        Take the lecture’s layer: a 3×32×32 input and 30 filters of 5×5. Every output neuron looks at a 3×5×5 patch, so
        it needs <TeX tex={`5\\cdot 5\\cdot 3 = ${padded.perNeuron}`} /> weights. If each neuron had weights of its own,
        the layer would need one set per neuron. The slide counts the neurons of the size-preserving version of this
        layer, <TeX tex={`32\\cdot 32\\cdot 30 = ${tex(padded.neurons)}`} />:
      </p>
      <TeX
        block
        tex={`\\underbrace{(32\\cdot 32\\cdot 30)}_{\\text{neurons}}\\cdot ${padded.perNeuron} = ${tex(
          padded.neurons * padded.perNeuron,
        )} \\approx \\text{“3 million”}`}
      />
      <p>
        (the slide rounds generously; without padding the output is 30×28×28 and the count is{' '}
        <TeX tex={`${tex(valid.neurons)}\\cdot ${valid.perNeuron} = ${tex(valid.neurons * valid.perNeuron)}`} />
        ). The idea that rescues us: a feature worth detecting in one place, an edge or a blob of colour, is worth
        detecting everywhere. So all neurons in one activation map <strong>share</strong> one filter, and the layer
        learns only one set of weights per filter:
      </p>
      <TeX block tex={`30\\cdot ${padded.perNeuron} = ${tex(padded.shared)}\\ \\text{weights}`} />
      <table className="data-table" data-testid="sharing-table">
        <caption>Weights of the 3×32×32 → 30 filters of 5×5 layer (biases not counted, as on the slide)</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Neurons</th>
            <th scope="col">Weights, no sharing</th>
            <th scope="col">Weights, shared</th>
          </tr>
        </thead>
        <tbody>
          {[
            { name: 'pad 2 (output 30×32×32)', c: padded },
            { name: 'no padding (output 30×28×28)', c: valid },
          ].map(({ name, c }) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{formatCount(c.neurons)}</td>
              <td data-testid="unshared">{formatCount(c.neurons * c.perNeuron)}</td>
              <td data-testid="shared">{formatCount(c.shared)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Callout tone="tip" title="Why sharing works">
        <p>
          Sharing divides the weight count by the number of output positions (here {formatCount(padded.neurons / 30)})
          and makes the layer <em>translation-equivariant</em>: shift the input and the activation map shifts with it.
          The price is that a filter cannot specialise to one place in the image, which for natural images is rarely
          what we want anyway.
        </p>
      </Callout>
    </Section>
  );
}
