/** Section 5: the bottleneck block of ResNet-50/101/152, its parameters computed by the engine. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { Section } from '../../app/ui/Section';
import { BlockDiagram } from './BlockDiagram';
import { BottleneckTable } from './BottleneckTable';

export function BottleneckSection(): ReactElement {
  return (
    <Section id="bottleneck" title="Bottleneck blocks">
      <p>
        ResNet-50, -101 and -152 need deep blocks in the later stages, 256 channels and more, where two 3×3 convolutions
        at full depth would be expensive. Their <strong>bottleneck</strong> block borrows GoogLeNet’s trick: a 1×1
        convolution first squeezes the 256 channels to 64, the 3×3 convolution works at 64, and a second 1×1 expands
        back to 256 so the shortcut can be an identity.
      </p>
      <div className="rc-figures">
        <Figure caption="Bottleneck block on a 256-d input: 1×1 to 64, 3×3 at 64, 1×1 back to 256, then the identity shortcut.">
          <BlockDiagram
            layers={['1×1 conv, 64', '3×3 conv, 64', '1×1 conv, 256']}
            depth="256-d"
            label="Bottleneck block: a 256-channel input x goes through a 1×1 convolution to 64 channels, ReLU, a 3×3 convolution at 64, ReLU, and a 1×1 convolution back to 256; a shortcut adds x, then ReLU."
          />
        </Figure>
      </div>
      <p>
        Each weight count is (input channels) × (output channels) × (kernel height × width). Work out the 256-d block
        yourself before reading the table: 256·64 + 64·64·9 + 64·256 for the bottleneck, 2 · 256·256·9 for two 3×3
        convolutions at 256. Pick a deeper stage to see the saving hold.
      </p>
      <Figure
        wide
        caption="Counts from the engine’s summary of each block. Multiply-adds are for one image at the stage’s map size."
      >
        <BottleneckTable />
      </Figure>
    </Section>
  );
}
