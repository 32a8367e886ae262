/** Section 2: colour images have three channels; grayscale has one. */
import type { ReactElement } from 'react';
import { Figure } from '../../app/ui/Figure';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { SWATCHES, SWATCHES_SHAPE } from './samples';

const CHANNELS = [
  { name: 'Red', tint: 'red' },
  { name: 'Green', tint: 'green' },
  { name: 'Blue', tint: 'blue' },
] as const;

export function ChannelsSection(): ReactElement {
  const [, h, w] = SWATCHES_SHAPE;
  return (
    <Section id="channels" title="Channels: grey and colour">
      <p>
        One number per pixel can only say “how bright”. To describe colour, a screen mixes red, green and blue light, so
        a colour image stores <em>three</em> numbers per pixel. Rather than interleave them, we usually keep three
        separate grids of the same size, one per colour. Each grid is a <strong>channel</strong>.
      </p>
      <p>
        A grayscale image has <TeX tex="C = 1" /> channel; an RGB image has <TeX tex="C = 3" />. Its shape is written{' '}
        <TeX tex="(C, H, W)" />: channels, height, width. A 32×32 colour image such as those in CIFAR-10 therefore holds{' '}
        <TeX tex="3 \cdot 32 \cdot 32 = 3072" /> numbers, and the 224×224 RGB input of the VGG networks holds{' '}
        <TeX tex="3 \cdot 224 \cdot 224 = 150{,}528" />.
      </p>
      <Figure
        wide
        caption={`A 4×4 colour image, shape (3, ${h}, ${w}), and its three channels. A white pixel is 255 in every channel; pure red is 255 in red and 0 elsewhere.`}
      >
        <div className="channel-row">
          <div className="channel-card">
            <ImageCanvas data={SWATCHES} shape={SWATCHES_SHAPE} scale={30} label="Sixteen coloured squares" readout />
            <p className="channel-name">All three</p>
          </div>
          {CHANNELS.map((ch, c) => (
            <div className="channel-card" key={ch.name}>
              <ImageCanvas
                data={SWATCHES}
                shape={SWATCHES_SHAPE}
                channel={c}
                tint={ch.tint}
                scale={16}
                label={`${ch.name} channel`}
              />
              <TensorGrid
                values={SWATCHES.slice(c * h * w, (c + 1) * h * w)}
                rows={h}
                cols={w}
                label={`${ch.name} channel values`}
                heat="sequential"
                range={[0, 255]}
                size="sm"
                describe={(cell) => `${ch.name}[${cell.row}, ${cell.col}] = ${cell.value}`}
              />
              <p className="channel-name">
                {ch.name} (c = {c})
              </p>
            </div>
          ))}
        </div>
      </Figure>
      <p>
        Channels do not stop at the input. Every convolution layer produces its own stack of grids, called feature maps,
        one per filter; the number of filters becomes the number of channels that the next layer sees.
      </p>
    </Section>
  );
}
