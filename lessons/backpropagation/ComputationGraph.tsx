/**
 * A computational graph drawn in SVG that the student steps through: first the forward pass,
 * node by node, each box filling in its value; then the backward pass in reverse, each box
 * filling in its gradient ∂L/∂(node). The active node is outlined, and the edges it uses light
 * up (inputs on the way forward, consumers on the way back, so the student sees where a gradient
 * comes from). Below the drawing, the step's formula with the live numbers (KaTeX) and optional
 * detail (grids). Back/Step buttons, and ← → Home End on the focused figure, drive it.
 *
 * The widget only draws; every number comes from the caller, which gets it from the engine.
 */
import type { ReactElement, ReactNode } from 'react';
import { TeX } from '../../app/ui/Math';
import { StepControls, stepperKeyProps } from '../../app/ui/StepControls';
import { useStepper } from '../../app/ui/useStepper';

export interface GraphNode {
  readonly id: string;
  /** Short name drawn in the box, e.g. "z1" or "W2". */
  readonly label: string;
  /** Centre of the box in viewBox units. */
  readonly x: number;
  readonly y: number;
  /** Parameters and the input are known before the forward pass starts. */
  readonly known?: boolean;
  /** Up to two lines each. */
  readonly value: readonly string[];
  readonly grad: readonly string[];
  /** Full-precision numbers for tests (JSON). */
  readonly valueData?: string;
  readonly gradData?: string;
}

export interface GraphStep {
  /** The node this step computes ('' for the starting state). */
  readonly node: string;
  readonly phase: 'start' | 'forward' | 'backward';
  readonly title: string;
  readonly tex: string;
  readonly detail?: ReactNode;
}

export interface ComputationGraphProps {
  readonly label: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly (readonly [string, string])[];
  readonly steps: readonly GraphStep[];
  readonly width: number;
  readonly height: number;
  readonly testId: string;
}

const BOX_W = 150;
const BOX_H = 92;

export function ComputationGraph(props: ComputationGraphProps): ReactElement {
  const { label, nodes, edges, steps, width, height, testId } = props;
  const stepper = useStepper(steps.length, 1400);
  const current = steps[stepper.step]!;
  const seen = steps.slice(0, stepper.step + 1);
  const forwardDone = new Set(seen.filter((s) => s.phase === 'forward').map((s) => s.node));
  const backwardDone = new Set(seen.filter((s) => s.phase === 'backward').map((s) => s.node));
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const edgeState = (from: string, to: string): string => {
    if (current.phase === 'forward' && to === current.node) return 'graph-edge graph-edge--forward';
    if (current.phase === 'backward' && from === current.node) return 'graph-edge graph-edge--backward';
    return 'graph-edge';
  };

  return (
    <div className="graph" data-testid={testId} data-step={stepper.step} data-phase={current.phase}>
      <div {...stepperKeyProps(stepper, `${label}: use the arrow keys to step`)} className="graph-stage">
        <svg viewBox={`0 0 ${width} ${height}`} className="graph-svg" role="img" aria-label={label}>
          <defs>
            <marker
              id={`${testId}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="graph-arrowhead" />
            </marker>
          </defs>
          {edges.map(([from, to]) => {
            const a = byId.get(from)!;
            const b = byId.get(to)!;
            const [x1, y1, x2, y2] = clipEdge(a, b);
            return (
              <line
                key={`${from}-${to}`}
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                className={edgeState(from, to)}
                markerEnd={`url(#${testId}-arrow)`}
              />
            );
          })}
          {nodes.map((n) => {
            const showValue = n.known === true || forwardDone.has(n.id);
            const showGrad = backwardDone.has(n.id);
            const active = n.id === current.node;
            return (
              <g
                key={n.id}
                className={`graph-node${active ? ` graph-node--active graph-node--${current.phase}` : ''}${n.known ? ' graph-node--known' : ''}`}
                data-node={n.id}
                data-shown={showValue ? (showGrad ? 'value grad' : 'value') : 'none'}
                data-value={showValue ? n.valueData : undefined}
                data-grad={showGrad ? n.gradData : undefined}
                transform={`translate(${n.x - BOX_W / 2}, ${n.y - BOX_H / 2})`}
              >
                <rect width={BOX_W} height={BOX_H} rx={8} />
                <text x={BOX_W / 2} y={18} className="graph-label">
                  {n.label}
                </text>
                {(showValue ? n.value : ['?']).map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a box's lines are fixed slots; the index is their identity.
                  <text key={`v${i}`} x={BOX_W / 2} y={38 + i * 14} className="graph-value">
                    {line}
                  </text>
                ))}
                {showGrad &&
                  n.grad.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a box's lines are fixed slots; the index is their identity.
                    <text key={`g${i}`} x={BOX_W / 2} y={70 + i * 14} className="graph-grad">
                      {line}
                    </text>
                  ))}
              </g>
            );
          })}
        </svg>
        <div className="graph-working" aria-live="polite">
          <p className="graph-step-title">
            <span className={`graph-phase graph-phase--${current.phase}`}>{PHASE_NAME[current.phase]}</span>{' '}
            {current.title}
          </p>
          <TeX block tex={current.tex} />
          {current.detail}
        </div>
      </div>
      <StepControls stepper={stepper} noun="step" />
    </div>
  );
}

const PHASE_NAME: Record<GraphStep['phase'], string> = { start: 'Start', forward: 'Forward', backward: 'Backward' };

/** Endpoints of an edge from box a to box b, trimmed to the boxes' borders. */
function clipEdge(a: GraphNode, b: GraphNode): [number, number, number, number] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = (box: number, d: number): number => (d === 0 ? Number.POSITIVE_INFINITY : box / 2 / Math.abs(d));
  const s = Math.min(t(BOX_W, dx), t(BOX_H, dy));
  return [a.x + dx * s, a.y + dy * s, b.x - dx * s, b.y - dy * s];
}
