/**
 * Click a unit, see its arithmetic (CNN Explainer's core interaction), shared by the convolution
 * and pooling lessons and the studio's activation maps. For a conv unit it lays out, per input
 * channel, the window the kernel covers, the kernel, and their elementwise products with the
 * channel's subtotal; then the sum, + bias, the activation, and the engine's output value that the
 * grid shows. For a pooling unit it shows the window and its max or mean. The working is computed
 * from the real numbers (UnitArithmeticMath.ts); the final value is the engine's. Everything sits
 * in its own scrolling box so a 16-channel 5×5 unit never widens a phone page.
 */
import type { ReactElement, ReactNode } from 'react';
import { type ConvUnit, convWorking, type PoolUnit, poolWorking, type Unit } from './UnitArithmeticMath';
import './UnitArithmetic.css';

export interface UnitArithmeticProps {
  readonly unit: Unit;
  /** Which unit this is, in words ("Output row 0, column 1"). */
  readonly title: ReactNode;
  readonly format?: (value: number) => string;
  /** The unit's position, written to data-row / data-col for tests and readers of the DOM. */
  readonly row?: number;
  readonly col?: number;
  readonly testId?: string;
  /** An extra line under the working (e.g. a note on padding or on training still running). */
  readonly note?: ReactNode;
}

const ACTIVATION_NAMES: Record<string, string> = {
  relu: 'ReLU',
  leakyRelu: 'LeakyReLU',
  sigmoid: 'σ',
  tanh: 'tanh',
  elu: 'ELU',
  softplus: 'softplus',
};

const defaultFormat = (v: number): string => {
  const r = Math.round(v * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
};

export function UnitArithmetic(props: UnitArithmeticProps): ReactElement {
  const { unit, title, format = defaultFormat, row, col, testId = 'unit-arithmetic', note } = props;
  return (
    <output
      className="unit-arithmetic"
      aria-live="polite"
      data-testid={testId}
      data-value={format(unit.output)}
      data-row={row}
      data-col={col}
    >
      <span className="visually-hidden">{spokenText(unit, format)}</span>
      <span className="ua-title">{title}</span>
      <span className="ua-body" aria-hidden="true">
        {unit.kind === 'conv' ? <ConvBody unit={unit} format={format} /> : <PoolBody unit={unit} format={format} />}
      </span>
      {note && <span className="ua-note">{note}</span>}
    </output>
  );
}

interface MiniGridProps {
  readonly rows: number;
  readonly cols: number;
  readonly values: readonly number[];
  readonly padded?: readonly boolean[];
  readonly format: (v: number) => string;
  readonly testId: string;
  readonly label: string;
}

function MiniGrid({ rows, cols, values, padded, format, testId, label }: MiniGridProps): ReactElement {
  const body: ReactElement[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: ReactElement[] = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const v = values[i] ?? 0;
      cells.push(
        <td key={c} className={padded?.[i] ? 'ua-cell is-pad' : 'ua-cell'} data-value={v}>
          {format(v)}
        </td>,
      );
    }
    body.push(<tr key={r}>{cells}</tr>);
  }
  return (
    <span className="ua-grid-box">
      <span className="ua-grid-label">{label}</span>
      <table className="ua-grid" data-testid={testId}>
        <tbody>{body}</tbody>
      </table>
    </span>
  );
}

function Value({ v, format, testId }: { v: number; format: (v: number) => string; testId: string }): ReactElement {
  return (
    <strong data-testid={testId} data-value={v}>
      {format(v)}
    </strong>
  );
}

function ConvBody({ unit, format }: { unit: ConvUnit; format: (v: number) => string }): ReactElement {
  const w = convWorking(unit);
  const many = unit.channels.length > 1;
  const act = unit.activation ? (ACTIVATION_NAMES[unit.activation.kind] ?? unit.activation.kind) : null;
  return (
    <>
      <span className="ua-channels">
        {unit.channels.map((ch, k) => (
          <span className="ua-channel" key={ch.channel} data-testid="ua-channel" data-channel={ch.channel}>
            {many && <span className="ua-channel-name">Input channel {ch.channel}</span>}
            <span className="ua-row">
              <MiniGrid {...ch} values={ch.window} format={format} testId="ua-window" label="window" />
              <span className="ua-op">×</span>
              <MiniGrid
                rows={ch.rows}
                cols={ch.cols}
                values={ch.kernel}
                format={format}
                testId="ua-kernel"
                label="kernel"
              />
              <span className="ua-op">=</span>
              <MiniGrid
                rows={ch.rows}
                cols={ch.cols}
                values={w.products[k]!}
                format={format}
                testId="ua-products"
                label="products"
              />
              <span className="ua-op">
                Σ = <Value v={w.channelSums[k]!} format={format} testId="ua-channel-sum" />
              </span>
            </span>
          </span>
        ))}
      </span>
      <span className="ua-steps">
        <span className="ua-step">
          {many ? 'Sum over channels' : 'Sum of products'}
          {many && ` ${w.channelSums.map(format).join(' + ')}`} = <Value v={w.sum} format={format} testId="ua-sum" />
        </span>
        <span className="ua-step">
          + bias {unit.bias === null ? '(none)' : <Value v={unit.bias} format={format} testId="ua-bias" />} ={' '}
          <Value v={w.preActivation} format={format} testId="ua-pre" />
        </span>
        {act && (
          <span className="ua-step">
            {act}({format(w.preActivation)}) = <Value v={w.activated} format={format} testId="ua-activated" />
          </span>
        )}
        <span className="ua-step ua-result">
          Output shown in the grid: <Value v={unit.output} format={format} testId="ua-output" />
        </span>
      </span>
    </>
  );
}

function PoolBody({ unit, format }: { unit: PoolUnit; format: (v: number) => string }): ReactElement {
  const w = poolWorking(unit);
  return (
    <>
      <span className="ua-row">
        <MiniGrid {...unit} values={unit.window} format={format} testId="ua-window" label="window" />
      </span>
      <span className="ua-steps">
        {unit.kind === 'max' ? (
          <span className="ua-step">
            max({unit.window.map(format).join(', ')}) = <Value v={w.result} format={format} testId="ua-pooled" />
          </span>
        ) : (
          <span className="ua-step">
            ({unit.window.map(format).join(' + ')}) / {unit.window.length} = {format(w.sum)} / {unit.window.length} ={' '}
            <Value v={w.result} format={format} testId="ua-pooled" />
          </span>
        )}
        <span className="ua-step ua-result">
          Output shown in the grid: <Value v={unit.output} format={format} testId="ua-output" />
        </span>
      </span>
    </>
  );
}

/** The whole working as one sentence, for screen readers. */
function spokenText(unit: Unit, format: (v: number) => string): string {
  if (unit.kind !== 'conv') {
    const op = unit.kind === 'max' ? 'the largest of' : 'the mean of';
    return `${op} ${unit.window.map(format).join(', ')}, equals ${format(unit.output)}.`;
  }
  const terms = unit.channels.flatMap((ch) => ch.window.map((x, i) => `${format(x)} times ${format(ch.kernel[i]!)}`));
  const bias = unit.bias !== null && unit.bias !== 0 ? `, plus bias ${format(unit.bias)}` : '';
  const act = unit.activation ? `, through ${ACTIVATION_NAMES[unit.activation.kind] ?? unit.activation.kind}` : '';
  return `${terms.join(', plus ')}${bias}${act}, equals ${format(unit.output)}.`;
}
