/**
 * The tiny two-layer network as a computational graph: x → dense → ReLU → dense → softmax
 * cross-entropy. Builds the boxes and the thirteen steps (start, four forward, eight backward)
 * from the engine's forward and backward pass of tinyNet.ts; each step writes its chain-rule
 * line with the live numbers.
 */
import { type ReactElement, useMemo } from 'react';
import { ComputationGraph, type GraphNode, type GraphStep } from './ComputationGraph';
import { fmt, json, texCol, texMat, texRow, vec } from './format';
import { NET_INPUT, NET_PARAMS, netBackward, netForward } from './tinyNet';

const mat2 = (m: ArrayLike<number>): string[] => [vec([m[0]!, m[1]!]), vec([m[2]!, m[3]!])];
const grad = (v: ArrayLike<number>): string[] => (v.length === 4 ? mat2(v) : [vec(v)]);

export function MlpGraph(): ReactElement {
  const { nodes, steps } = useMemo(build, []);
  return (
    <ComputationGraph
      label="Computational graph of a two-layer network"
      testId="mlp-graph"
      nodes={nodes}
      edges={EDGES}
      steps={steps}
      width={900}
      height={250}
    />
  );
}

const EDGES: readonly (readonly [string, string])[] = [
  ['x', 'z1'],
  ['W1', 'z1'],
  ['b1', 'z1'],
  ['z1', 'h'],
  ['h', 'z2'],
  ['W2', 'z2'],
  ['b2', 'z2'],
  ['z2', 'L'],
];

function build(): { nodes: GraphNode[]; steps: GraphStep[] } {
  const P = NET_PARAMS;
  const { x, label } = NET_INPUT;
  const f = netForward(P, NET_INPUT);
  const b = netBackward(P, NET_INPUT, f);
  const y = [0, 1].map((k) => (k === label ? 1 : 0));

  const nodes: GraphNode[] = [
    node('x', 'x (input)', 80, 180, [vec(x)], [vec(b.dx)], x, b.dx, true),
    node('W1', 'W1', 215, 52, mat2(P.W1), grad(b.dW1), P.W1, b.dW1, true),
    node('b1', 'b1', 375, 52, [vec(P.b1)], grad(b.db1), P.b1, b.db1, true),
    node('z1', 'z1 = W1·x + b1', 295, 180, [vec(f.z1)], grad(b.dz1), f.z1, b.dz1),
    node('h', 'h = ReLU(z1)', 460, 180, [vec(f.h)], grad(b.dh), f.h, b.dh),
    node('W2', 'W2', 545, 52, mat2(P.W2), grad(b.dW2), P.W2, b.dW2, true),
    node('b2', 'b2', 705, 52, [vec(P.b2)], grad(b.db2), P.b2, b.db2, true),
    node('z2', 'z2 = W2·h + b2', 625, 180, [vec(f.z2)], grad(b.dz2), f.z2, b.dz2),
    node('L', `L (label y = ${label})`, 815, 180, [fmt(f.loss)], ['1'], [f.loss], [1]),
  ];

  const steps: GraphStep[] = [
    {
      node: '',
      phase: 'start',
      title: 'The input and the parameters are known; nothing else is yet.',
      tex: `x = ${texCol(x)},\\quad W_1 = ${texMat(P.W1, 2, 2)},\\quad b_1 = ${texCol(P.b1)},\\quad W_2 = ${texMat(P.W2, 2, 2)},\\quad b_2 = ${texCol(P.b2)}`,
    },
    {
      node: 'z1',
      phase: 'forward',
      title: 'First layer: a matrix product plus a bias.',
      tex: `z_1 = W_1 x + b_1 = ${texMat(P.W1, 2, 2)}${texCol(x)} + ${texCol(P.b1)} = ${texCol(f.z1)}`,
    },
    {
      node: 'h',
      phase: 'forward',
      title: 'ReLU keeps positives and zeroes the rest.',
      tex: `h = \\max(0, z_1) = \\max\\left(0, ${texCol(f.z1)}\\right) = ${texCol(f.h)}`,
    },
    {
      node: 'z2',
      phase: 'forward',
      title: 'Second layer: the class scores (logits).',
      tex: `z_2 = W_2 h + b_2 = ${texMat(P.W2, 2, 2)}${texCol(f.h)} + ${texCol(P.b2)} = ${texCol(f.z2)}`,
    },
    {
      node: 'L',
      phase: 'forward',
      title: 'Softmax turns scores into probabilities; the loss is −log of the true class’s.',
      tex: `p = \\mathrm{softmax}(z_2) = ${texCol(f.p)},\\qquad L = -\\log p_{${label}} = -\\log ${fmt(f.p[label]!)} = ${fmt(f.loss)}`,
    },
    {
      node: 'L',
      phase: 'backward',
      title: 'Backprop starts from the loss itself.',
      tex: '\\frac{\\partial L}{\\partial L} = 1',
    },
    {
      node: 'z2',
      phase: 'backward',
      title: 'Softmax and cross-entropy together have the simplest gradient of all.',
      tex: `\\frac{\\partial L}{\\partial z_2} = p - y = ${texCol(f.p)} - ${texCol(y)} = ${texCol(b.dz2)}`,
    },
    {
      node: 'W2',
      phase: 'backward',
      title: 'A weight’s gradient: the gradient arriving at its output times the input it multiplied.',
      tex: `\\frac{\\partial L}{\\partial W_2} = \\frac{\\partial L}{\\partial z_2}\\, h^{\\top} = ${texCol(b.dz2)}${texRow(f.h)} = ${texMat(b.dW2, 2, 2)}`,
    },
    {
      node: 'b2',
      phase: 'backward',
      title: 'A bias adds 1 × itself, so its local gradient is 1.',
      tex: `\\frac{\\partial L}{\\partial b_2} = \\frac{\\partial L}{\\partial z_2} \\cdot 1 = ${texCol(b.db2)}`,
    },
    {
      node: 'h',
      phase: 'backward',
      title: 'Into the hidden layer: the transposed weights send the gradient back.',
      tex: `\\frac{\\partial L}{\\partial h} = W_2^{\\top} \\frac{\\partial L}{\\partial z_2} = ${texMat([P.W2[0]!, P.W2[2]!, P.W2[1]!, P.W2[3]!], 2, 2)}${texCol(b.dz2)} = ${texCol(b.dh)}`,
    },
    {
      node: 'z1',
      phase: 'backward',
      title: 'Through ReLU: a gate that is open where z1 > 0 and shut elsewhere.',
      tex: `\\frac{\\partial L}{\\partial z_1} = \\frac{\\partial L}{\\partial h} \\odot [z_1 > 0] = ${texCol(b.dh)} \\odot ${texCol(Array.from(f.z1, (v) => (v > 0 ? 1 : 0)))} = ${texCol(b.dz1)}`,
    },
    {
      node: 'W1',
      phase: 'backward',
      title: 'The first layer’s weights, by the same rule as W2.',
      tex: `\\frac{\\partial L}{\\partial W_1} = \\frac{\\partial L}{\\partial z_1}\\, x^{\\top} = ${texCol(b.dz1)}${texRow(x)} = ${texMat(b.dW1, 2, 2)}`,
    },
    {
      node: 'b1',
      phase: 'backward',
      title: 'And its bias. Every parameter now has a gradient: one backward pass found them all.',
      tex: `\\frac{\\partial L}{\\partial b_1} = \\frac{\\partial L}{\\partial z_1} = ${texCol(b.db1)}`,
    },
  ];
  return { nodes, steps };
}

function node(
  id: string,
  label: string,
  x: number,
  y: number,
  value: string[],
  gradLines: string[],
  valueData: ArrayLike<number>,
  gradData: ArrayLike<number>,
  known = false,
): GraphNode {
  return { id, label, x, y, value, grad: gradLines, valueData: json(valueData), gradData: json(gradData), known };
}
