/**
 * Receptive fields on a real digit. An MNIST digit goes through 1, 2 or 3 stacked 3×3 convolutions
 * (a 3×3 box blur, run by the engine's conv2d, so the output map is real). Hover an output unit, or
 * focus the map and move with the arrow keys, and the input pixels that unit depends on are
 * outlined: 3×3 after one layer, 5×5 after two, 7×7 after three. Shapes come from summarize(),
 * the outlined window from the engine's resolved strides and paddings (receptiveField.ts).
 */
import { type KeyboardEvent, type MouseEvent, type ReactElement, useMemo, useState } from 'react';
import { ChoiceGroup } from '../../app/ui/ChoiceGroup';
import { ImageCanvas } from '../../app/ui/ImageCanvas';
import { summaryResult } from '../../app/ui/summaryResult';
import { conv2d } from '../../engine/cpu/conv2d';
import type { LayerSpec } from '../../engine/spec';
import type { Tensor } from '../../engine/tensor/tensor';
import { useMnist } from '../images-are-tensors/useMnist';
import { receptiveWindow } from './receptiveField';

const SCALE = 10;
const BLUR: Tensor = { shape: [1, 1, 3, 3], data: new Float32Array(9).fill(1 / 9) };

function specFor(layers: number): { layers: LayerSpec[] } {
  const convs: LayerSpec[] = Array.from({ length: layers }, () => ({ type: 'conv2d', filters: 1, kernel: 3 }));
  return { layers: [{ type: 'input', shape: [1, 28, 28] }, ...convs] };
}

export function ReceptiveField(): ReactElement {
  const mnist = useMnist();
  const [depth, setDepth] = useState(1);
  const [digit, setDigit] = useState(0);
  const [unit, setUnit] = useState<{ row: number; col: number }>({ row: 8, col: 8 });
  const summary = useMemo(() => summaryResult(specFor(depth)), [depth]);

  const image = useMemo(() => {
    if (mnist.status !== 'ready') return null;
    const { images } = mnist.dataset;
    const bytes = images.subarray(digit * 784, digit * 784 + 784);
    let x: Tensor = { shape: [1, 1, 28, 28], data: Float32Array.from(bytes, (b) => b / 255) };
    const input = x.data;
    for (let i = 0; i < depth; i++) x = conv2d(x, BLUR, null);
    return { input, output: x };
  }, [mnist, digit, depth]);

  if (mnist.status === 'loading') return <p className="muted">Loading digits…</p>;
  if (mnist.status === 'error') return <p className="field-message--error">{mnist.message}</p>;
  if (!summary.ok || !image) return <p className="field-message--error">{summary.ok ? '' : summary.error.detail}</p>;

  const [, outH, outW] = summary.summary.outputShape as [number, number, number];
  const at = { row: Math.min(unit.row, outH - 1), col: Math.min(unit.col, outW - 1) };
  const win = receptiveWindow(summary.summary.layers, at.row, at.col);
  const pick = (event: MouseEvent<HTMLDivElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const col = Math.min(outW - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * outW)));
    const row = Math.min(outH - 1, Math.max(0, Math.floor(((event.clientY - box.top) / box.height) * outH)));
    if (row !== at.row || col !== at.col) setUnit({ row, col });
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const clamp = (v: number, hi: number): number => Math.min(hi - 1, Math.max(0, v));
    setUnit({ row: clamp(at.row + move[0], outH), col: clamp(at.col + move[1], outW) });
  };

  return (
    <div className="explorer" data-testid="receptive-field">
      <div className="explorer-controls">
        <ChoiceGroup
          legend="Stacked 3×3 layers"
          options={[1, 2, 3].map((n) => ({ value: n, label: String(n) }))}
          value={depth}
          onChange={setDepth}
        />
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDigit((d) => Math.max(0, d - 1))}>
            Previous digit
          </button>
          <button type="button" className="button" onClick={() => setDigit((d) => d + 1)}>
            Next digit
          </button>
        </div>
      </div>
      <div className="explorer-main">
        <div>
          <p className="grid-title">Input, 28×28</p>
          <div className="rf-stack">
            <ImageCanvas data={image.input} shape={[1, 28, 28]} range={[0, 1]} scale={SCALE} label="Input digit" />
            <div
              className="rf-box"
              data-testid="rf-box"
              data-top={win.top}
              data-left={win.left}
              data-size={win.height}
              style={{
                top: win.top * SCALE,
                left: win.left * SCALE,
                width: win.width * SCALE,
                height: win.height * SCALE,
              }}
            />
          </div>
        </div>
        <div>
          <p className="grid-title" data-testid="rf-out-shape">
            Output after {depth} layer{depth > 1 ? 's' : ''}, {outH}×{outW}
          </p>
          <div
            className="rf-stack rf-output"
            role="slider"
            tabIndex={0}
            aria-label="Output unit (arrow keys move it)"
            aria-valuenow={at.row * outW + at.col}
            aria-valuetext={`row ${at.row}, column ${at.col}`}
            data-testid="rf-output"
            onMouseMove={pick}
            onKeyDown={onKey}
          >
            <ImageCanvas data={image.output.data} shape={[1, outH, outW]} range={[0, 1]} scale={SCALE} label="" />
            <div
              className="rf-box rf-box--unit"
              style={{ top: at.row * SCALE, left: at.col * SCALE, width: SCALE, height: SCALE }}
            />
          </div>
        </div>
        <output className="flat-readout" aria-live="polite" data-testid="rf-readout">
          Output unit (row {at.row}, column {at.col}) sees input rows {win.top}–{win.top + win.height - 1} and columns{' '}
          {win.left}–{win.left + win.width - 1}: a{' '}
          <strong>
            {win.height}×{win.width}
          </strong>{' '}
          receptive field.
        </output>
      </div>
    </div>
  );
}
