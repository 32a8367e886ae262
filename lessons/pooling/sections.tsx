/** The prose sections of the pooling lesson, each around one widget. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { TeX } from '../../app/ui/Math';
import { Section } from '../../app/ui/Section';
import { GlobalAvgDemo } from './GlobalAvgDemo';
import { OverlapCompare } from './OverlapCompare';
import { PoolPlayground } from './PoolPlayground';
import { ShiftDemo } from './ShiftDemo';
import { SwitchesDemo } from './SwitchesDemo';

export function MaxAvgSection(): ReactElement {
  return (
    <Section id="max-avg" title="Max and average pooling">
      <p>
        A pooling layer shrinks each feature map by summarising small windows. It slides an <TeX tex="F\times F" />{' '}
        window with stride <TeX tex="S" /> over every channel separately and keeps one number per window: the largest
        (max pooling, by far the more popular) or the mean (average pooling). Depth is untouched, and since the summary
        is a fixed function, a pooling layer has <strong>no parameters</strong> to learn. Its output width follows the
        same arithmetic as a convolution without padding:
      </p>
      <TeX block tex="W_2 = \frac{W_1 - F}{S} + 1,\qquad H_2 = \frac{H_1 - F}{S} + 1,\qquad D_2 = D_1" />
      <p>
        The common settings are <TeX tex="F = 2, S = 2" />, which halves width and height and throws away three of every
        four activations, and <TeX tex="F = 3, S = 2" />. Padding is rarely used with pooling. Edit the grid, switch
        modes and try <TeX tex="F = 3, S = 2" /> on this 6×6 input: the formula gives 2.5, and a window that does not
        tile the input is an error, not something to round away. Click an output unit to see its window and how its
        value was worked out.
      </p>
      <PoolPlayground />
    </Section>
  );
}

export function SwitchesSection(): ReactElement {
  return (
    <Section id="switches" title="Switches: where the gradient goes">
      <p>
        Max pooling passes on one input per window and ignores the rest. So in the backward pass only that winner can
        have influenced the loss: it receives the whole gradient of its output, and every other input in the window
        receives zero. To do this the forward pass must remember <em>which</em> input won each window. The lecture calls
        these remembered positions <strong>switches</strong>.
      </p>
      <TeX
        block
        tex="\frac{\partial L}{\partial x_i} = \sum_{j\,:\,\text{switch}(j) = i} \frac{\partial L}{\partial y_j}"
      />
      <p>Change an input to move a winner, or change the output gradient, and watch where the gradient lands.</p>
      <SwitchesDemo />
      <Callout tone="note">
        <p>
          Average pooling needs no switches: every input in the window contributed <TeX tex="1/F^2" /> of the output, so
          each receives <TeX tex="1/F^2" /> of its gradient.
        </p>
      </Callout>
    </Section>
  );
}

export function InvarianceSection(): ReactElement {
  return (
    <Section id="invariance" title="Invariance to small shifts">
      <p>
        Because a max only asks “how strong is the feature somewhere in this window”, moving the feature by a pixel
        inside the window changes nothing. Pooling therefore buys some invariance to small translations, and each
        pooling step also widens the receptive field of the layers after it. Shift the digit by one pixel and compare
        the raw pixels with the pooled maps.
      </p>
      <ShiftDemo />
      <p>
        The invariance is partial: a shift that carries a stroke across a window boundary does change the output.
        Stacking pooling layers makes the network tolerant of larger shifts.
      </p>
    </Section>
  );
}

export function OverlapSection(): ReactElement {
  return (
    <Section id="overlapping" title="Overlapping pooling">
      <p>
        With <TeX tex="S < F" /> neighbouring windows share inputs. AlexNet pooled with 3×3 windows at stride 2 rather
        than 2×2 at stride 2 and reported slightly lower error (about 0.3%) and less overfitting. The two never tile the
        same map: <TeX tex="(W - 3)/2 + 1" /> is whole only when W is odd, <TeX tex="(W - 2)/2 + 1" /> only when W is
        even. Each reaches the same output on its own width: 3×3/2 takes AlexNet’s 55×55 conv1 output to 27×27, and
        2×2/2 takes a 54×54 map to 27×27.
      </p>
      <p>
        Frameworks such as PyTorch round the formula down by default (“floor mode”), so there 2×2/2 on 55 also gives 27,
        silently ignoring the last row and column. Here, as in the lecture, a window that does not tile is an error, so
        the widget pairs each of AlexNet’s maps with the even map one pixel smaller.
      </p>
      <OverlapCompare />
    </Section>
  );
}

export function GlobalSection(): ReactElement {
  return (
    <Section id="global" title="Global average pooling">
      <p>
        Take pooling to its limit: one window as large as the whole map. <strong>Global average pooling</strong> turns a{' '}
        <TeX tex="C\times H\times W" /> volume into <TeX tex="C" /> numbers, the mean of each channel. GoogLeNet and
        ResNet end their conv stacks this way instead of flattening into a huge dense layer.
      </p>
      <TeX block tex="y_c = \frac{1}{HW}\sum_{h=1}^{H}\sum_{w=1}^{W} x_{c,h,w}" />
      <GlobalAvgDemo />
    </Section>
  );
}
