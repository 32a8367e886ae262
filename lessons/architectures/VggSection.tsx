/** Section 5: VGG, depth from stacks of 3×3 convolutions, and why they beat one big filter. */
import type { ReactElement } from 'react';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { CalculatorLink } from './CalculatorLink';
import { NetLayers } from './NetLayers';
import { StackCompare } from './StackCompare';

export function VggSection(): ReactElement {
  return (
    <Section id="vgg" title="VGG: stacks of 3×3">
      <p>
        Simonyan and Zisserman (Oxford’s Visual Geometry Group, runner-up of ILSVRC 2014 with 7.32%) used one kind of
        conv only: 3×3, stride 1, padding 1, so a conv never changes the map size, and 2×2 max pools at stride 2 halve
        it. Their configurations A to E differ only in depth, from 11 to 19 weight layers; VGG-16 (D) and VGG-19 (E) are
        the ones still used, mostly as feature extractors for transfer learning. They are big: 138 and 144 million
        parameters, most of them in the first dense layer (7·7·512 inputs times 4,096 units).
      </p>
      <p>
        Why only 3×3? Two 3×3 convs in a row see a 5×5 patch of the input, three see 7×7: each layer adds{' '}
        <TeX tex="F - 1 = 2" /> pixels to the receptive field. So a stack of three has the reach of one 7×7 conv. With{' '}
        <TeX tex="C" /> channels in and out, not counting biases:
      </p>
      <TeX
        block
        tex="\underbrace{3\cdot(3\cdot 3\cdot C)\cdot C}_{\text{three }3\times3} = 27C^2 \qquad\text{vs}\qquad \underbrace{(7\cdot 7\cdot C)\cdot C}_{\text{one }7\times7} = 49C^2"
      />
      <p>
        Fewer weights, and three ReLUs instead of one, so the stack can represent more complicated functions of the same
        patch. Pick a <TeX tex="C" /> and let the engine count both:
      </p>
      <StackCompare />
      <NetLayers preset="vgg-d" />
      <CalculatorLink preset="vgg-d" />
    </Section>
  );
}
