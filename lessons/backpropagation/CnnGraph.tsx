/**
 * The conv → ReLU → max-pool chain of cnnChain.ts as a steppable graph. The boxes are too small
 * for grids, so they show shapes and a summary, and each step shows the grids it reads and
 * writes underneath: on the way forward the values, on the way back the gradients.
 */
import { type ReactElement, type ReactNode, useMemo } from 'react';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { ComputationGraph, type GraphNode, type GraphStep } from './ComputationGraph';
import { type ChainResult, chainNumbers, K, P_SIZE, runChain, X_SIZE, Y_SIZE } from './cnnChain';
import { fmt, json } from './format';

export function CnnGraph(): ReactElement {
  const { nodes, steps } = useMemo(() => build(runChain(chainNumbers(1))), []);
  return (
    <ComputationGraph
      label="Computational graph of a convolution, ReLU and max-pool chain"
      testId="cnn-graph"
      nodes={nodes}
      edges={EDGES}
      steps={steps}
      width={900}
      height={250}
    />
  );
}

const EDGES: readonly (readonly [string, string])[] = [
  ['x', 'y'],
  ['w', 'y'],
  ['y', 'r'],
  ['r', 'p'],
  ['p', 'L'],
  ['c', 'L'],
];

interface GridSpec {
  readonly name: string;
  readonly values: ArrayLike<number>;
  readonly size: number;
}

function Grids({ grids }: { readonly grids: readonly GridSpec[] }): ReactElement {
  return (
    <div className="bp-grids">
      {grids.map((g) => (
        <div key={g.name} className="bp-grid-card">
          <p className="bp-grid-name">{g.name}</p>
          <TensorGrid
            values={g.values}
            rows={g.size}
            cols={g.size}
            label={g.name}
            heat="diverging"
            size="sm"
            hideCaption
          />
        </div>
      ))}
    </div>
  );
}

const grids = (...specs: GridSpec[]): ReactNode => <Grids grids={specs} />;

function build(ch: ChainResult): { nodes: GraphNode[]; steps: GraphStep[] } {
  const s = (n: number): string => `${n}×${n}`;
  const sumAbs = (v: ArrayLike<number>): string =>
    `Σ|·| = ${fmt(
      Array.from(v).reduce((a, b) => a + Math.abs(b), 0),
      1,
    )}`;
  const nodes: GraphNode[] = [
    gn('x', 'x (input)', 80, 180, [s(X_SIZE)], [s(X_SIZE), sumAbs(ch.dx)], ch.x, ch.dx, true),
    gn('w', 'w (kernel)', 215, 52, [s(K)], [s(K)], ch.w, ch.dw, true),
    gn('y', 'y = conv(x, w)', 295, 180, [s(Y_SIZE)], [s(Y_SIZE)], ch.y, ch.dy),
    gn('r', 'r = ReLU(y)', 460, 180, [s(Y_SIZE)], [s(Y_SIZE)], ch.r, ch.dr),
    gn('p', 'p = maxpool(r)', 625, 180, [s(P_SIZE)], [s(P_SIZE)], ch.p, ch.dp),
    gn('c', 'c (read-out)', 705, 52, [s(P_SIZE)], ['—'], ch.c, [0, 0, 0, 0], true),
    gn('L', 'L = Σ c ⊙ p', 815, 180, [fmt(ch.loss, 1)], ['1'], [ch.loss], [1]),
  ];
  const X = { name: 'x', values: ch.x, size: X_SIZE };
  const W = { name: 'w', values: ch.w, size: K };
  const steps: GraphStep[] = [
    {
      node: '',
      phase: 'start',
      title: 'A 5×5 input, a 2×2 kernel and a fixed 2×2 read-out c.',
      tex: 'y = x \\star w,\\quad r = \\max(0, y),\\quad p = \\operatorname{maxpool}_{2\\times 2}(r),\\quad L = \\textstyle\\sum_{ij} c_{ij}\\, p_{ij}',
      detail: grids(X, W, { name: 'c', values: ch.c, size: P_SIZE }),
    },
    {
      node: 'y',
      phase: 'forward',
      title: 'The kernel slides over x (stride 1, no padding): 5 − 2 + 1 = 4 positions each way.',
      tex: 'y_{ij} = \\textstyle\\sum_{u,v} x_{i+u,\\,j+v}\\, w_{uv}',
      detail: grids(X, W, { name: 'y', values: ch.y, size: Y_SIZE }),
    },
    {
      node: 'r',
      phase: 'forward',
      title: 'ReLU zeroes the negative responses.',
      tex: 'r_{ij} = \\max(0, y_{ij})',
      detail: grids({ name: 'y', values: ch.y, size: Y_SIZE }, { name: 'r', values: ch.r, size: Y_SIZE }),
    },
    {
      node: 'p',
      phase: 'forward',
      title: 'Each 2×2 window keeps its largest value, and the pool remembers where it was (the switch).',
      tex: 'p_{ij} = \\max_{(a,b) \\in \\text{window}_{ij}} r_{ab}',
      detail: grids({ name: 'r', values: ch.r, size: Y_SIZE }, { name: 'p', values: ch.p, size: P_SIZE }),
    },
    {
      node: 'L',
      phase: 'forward',
      title: 'A weighted sum of the pooled values gives one number.',
      tex: `L = \\textstyle\\sum_{ij} c_{ij}\\, p_{ij} = ${fmt(ch.loss, 1)}`,
    },
    {
      node: 'p',
      phase: 'backward',
      title: 'The gradient of a weighted sum is its weights.',
      tex: '\\frac{\\partial L}{\\partial p_{ij}} = c_{ij}',
      detail: grids({ name: '∂L/∂p', values: ch.dp, size: P_SIZE }),
    },
    {
      node: 'r',
      phase: 'backward',
      title: 'Max-pool routes each gradient to the one input that won its window; the others get 0.',
      tex: '\\frac{\\partial L}{\\partial r_{ab}} = \\begin{cases} \\frac{\\partial L}{\\partial p_{ij}} & (a,b) \\text{ is the switch of window } ij \\\\ 0 & \\text{otherwise} \\end{cases}',
      detail: grids({ name: '∂L/∂p', values: ch.dp, size: P_SIZE }, { name: '∂L/∂r', values: ch.dr, size: Y_SIZE }),
    },
    {
      node: 'y',
      phase: 'backward',
      title: 'ReLU passes the gradient where y > 0 and blocks it elsewhere.',
      tex: '\\frac{\\partial L}{\\partial y_{ij}} = \\frac{\\partial L}{\\partial r_{ij}}\\,[y_{ij} > 0]',
      detail: grids(
        { name: 'y', values: ch.y, size: Y_SIZE },
        { name: '∂L/∂r', values: ch.dr, size: Y_SIZE },
        { name: '∂L/∂y', values: ch.dy, size: Y_SIZE },
      ),
    },
    {
      node: 'w',
      phase: 'backward',
      title: 'The kernel’s gradient: slide ∂L/∂y over x, exactly like a forward convolution.',
      tex: '\\frac{\\partial L}{\\partial w_{uv}} = \\textstyle\\sum_{ij} \\frac{\\partial L}{\\partial y_{ij}}\\, x_{i+u,\\,j+v}',
      detail: grids(X, { name: '∂L/∂y', values: ch.dy, size: Y_SIZE }, { name: '∂L/∂w', values: ch.dw, size: K }),
    },
    {
      node: 'x',
      phase: 'backward',
      title: 'The input’s gradient: every y that x touched sends some back, weighted by the kernel.',
      tex: '\\frac{\\partial L}{\\partial x_{ab}} = \\textstyle\\sum_{u,v} \\frac{\\partial L}{\\partial y_{a-u,\\,b-v}}\\, w_{uv}',
      detail: grids({ name: '∂L/∂y', values: ch.dy, size: Y_SIZE }, W, { name: '∂L/∂x', values: ch.dx, size: X_SIZE }),
    },
  ];
  return { nodes, steps };
}

function gn(
  id: string,
  label: string,
  x: number,
  y: number,
  value: string[],
  grad: string[],
  valueData: ArrayLike<number>,
  gradData: ArrayLike<number>,
  known = false,
): GraphNode {
  return { id, label, x, y, value, grad, valueData: json(valueData), gradData: json(gradData), known };
}
