/**
 * Why the engine's counts and the published ones differ, with the engine's numbers filled in:
 * GoogLeNet's torchvision port against the paper's layout, VGG's FLOPs with and without the dense
 * layers, and ResNet-50's two stride placements. Every number shown is computed from a spec.
 */
import type { ReactElement } from 'react';
import { formatCount } from '../../app/ui/summaryResult';
import type { ModelSummary } from '../../engine/spec';
import { googlenetPaperSummary } from './googlenetPaper';
import { convMacs, formatScaled, type NetResult, useNetSummary } from './nets';

const ok = (net: NetResult | null): ModelSummary | null => (net?.kind === 'ok' ? net.summary : null);
const bnParams = (s: ModelSummary): number =>
  s.layers.reduce((sum, l) => sum + (l.type === 'batchnorm' ? l.params : 0), 0);
const denseParams = (s: ModelSummary): number =>
  s.layers.reduce((sum, l) => sum + (l.type === 'dense' ? l.params : 0), 0);
const missing = <span className="arch-missing">(not available in this build)</span>;

function GoogLeNetNote(): ReactElement {
  const tv = ok(useNetSummary('googlenet'));
  const paper = tv === null ? null : googlenetPaperSummary();
  if (tv === null || paper === null || !paper.ok) return <li>GoogLeNet {missing}.</li>;
  return (
    <li data-testid="note-googlenet">
      <strong>GoogLeNet, 5M or 6.6M?</strong> The engine’s spec follows torchvision, which counts{' '}
      {formatCount(tv.totalParams)}. That port puts batch norm after every conv ({formatCount(bnParams(tv))} scale and
      shift parameters the 2014 net did not have), drops the convs’ biases, and uses a 3×3 conv where the paper’s fourth
      branch has a 5×5 (a slip kept so its trained weights still load). Undo all three and the paper’s layout counts{' '}
      {formatCount(paper.summary.totalParams)}. The lecture’s 5M is the paper’s own round claim, “twelve times fewer
      than AlexNet”; either way it is about a tenth of AlexNet, and {formatCount(denseParams(tv))} of it is the one
      dense layer.
    </li>
  );
}

function VggNote(): ReactElement {
  const d = ok(useNetSummary('vgg-d'));
  const e = ok(useNetSummary('vgg-e'));
  if (d === null || e === null) return <li>VGG {missing}.</li>;
  return (
    <li data-testid="note-vgg">
      <strong>VGG-16’s 15.3 billion.</strong> The ResNet paper’s “FLOPs” are multiply-adds. The engine counts{' '}
      {formatScaled(d.totalMacs)} for VGG-16, of which {formatScaled(convMacs(d))} are in the conv layers and the rest
      in the three dense layers; the quoted 15.3 is nearest the convs alone. For VGG-19 it counts{' '}
      {formatScaled(e.totalMacs)}, matching the quoted 19.6. Published counts are rounded and seldom say whether the
      dense layers, biases or pools are in.
    </li>
  );
}

function ResNetNote(): ReactElement {
  const tv = ok(useNetSummary('resnet50'));
  const paper = ok(useNetSummary('resnet50-paper'));
  if (tv === null || paper === null) return <li>ResNet-50 {missing}.</li>;
  return (
    <li data-testid="note-resnet">
      <strong>ResNet-50, 3.8 or 4.1 billion?</strong> Both specs have {formatCount(tv.totalParams)} parameters; they
      differ only in which conv of a stage’s first block has stride 2. In the paper it is the first 1×1, so the 3×3
      after it already works on the halved map: {formatScaled(paper.totalMacs)} multiply-adds, the lecture’s 3.8
      billion. torchvision (“v1.5”) moves the stride to the 3×3, so the 1×1 no longer skips three pixels in four; that
      is a little more accurate and costs {formatScaled(tv.totalMacs)}. Try both placements in the bottleneck block
      above.
    </li>
  );
}

export function CompareNotes(): ReactElement {
  return (
    <ul className="arch-notes">
      <GoogLeNetNote />
      <VggNote />
      <ResNetNote />
    </ul>
  );
}
