/**
 * The three variance rules side by side for a layer of your choice: the variance and σ each rule
 * asks for, and the σ of an n_out × n_in weight matrix actually drawn by the engine's initialisers
 * (so the formula and the sample can be compared).
 */
import { type ReactElement, useMemo, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { NumberField } from '../../app/ui/NumberField';
import { ScrollBox } from '../../app/ui/ScrollBox';
import { createRng } from '../../engine/tensor/rng';
import { type Fans, heNormal, normal, xavierNormal } from '../../engine/train/initializers';
import { valueStats } from './layerStats';

interface Rule {
  readonly id: string;
  readonly name: string;
  readonly tex: string;
  readonly variance: (f: Fans) => number;
  readonly draw: (w: Float32Array, f: Fans, seed: number) => void;
}

const RULES: readonly Rule[] = [
  {
    id: 'xavier',
    name: 'Xavier (fan-in)',
    tex: '1/n_{in}',
    variance: (f) => 1 / f.fanIn,
    draw: (w, f, seed) => normal(w, Math.sqrt(1 / f.fanIn), createRng(seed)),
  },
  {
    id: 'glorot',
    name: 'Glorot',
    tex: '2/(n_{in}+n_{out})',
    variance: (f) => 2 / (f.fanIn + f.fanOut),
    draw: (w, f, seed) => xavierNormal(w, f, createRng(seed)),
  },
  {
    id: 'he',
    name: 'He',
    tex: '2/n_{in}',
    variance: (f) => 2 / f.fanIn,
    draw: (w, f, seed) => heNormal(w, f.fanIn, createRng(seed)),
  },
];

export function FanCalculator(): ReactElement {
  const [fanIn, setFanIn] = useState(500);
  const [fanOut, setFanOut] = useState(500);
  const rows = useMemo(() => {
    const fans = { fanIn, fanOut };
    return RULES.map((rule) => {
      const w = new Float32Array(fanIn * fanOut);
      rule.draw(w, fans, 1);
      return { rule, variance: rule.variance(fans), drawn: valueStats(w).std };
    });
  }, [fanIn, fanOut]);
  return (
    <div className="init-fans" data-testid="fan-calculator">
      <div className="init-knobs">
        <NumberField label="n_in (inputs per unit)" value={fanIn} onChange={setFanIn} min={1} max={1000} integer />
        <NumberField label="n_out (units)" value={fanOut} onChange={setFanOut} min={1} max={1000} integer />
      </div>
      <ScrollBox className="init-table-wrap" label="Table of the rules">
        <table className="init-table">
          <thead>
            <tr>
              <th scope="col">rule</th>
              <th scope="col">Var(w)</th>
              <th scope="col">σ asked for</th>
              <th scope="col">σ drawn by the engine</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ rule, variance, drawn }) => (
              <tr key={rule.id} data-rule={rule.id}>
                <th scope="row">
                  {rule.name} <TeX tex={rule.tex} />
                </th>
                <td data-testid="variance">{variance.toPrecision(4)}</td>
                <td data-testid="sigma">{Math.sqrt(variance).toPrecision(4)}</td>
                <td data-testid="drawn">{drawn.toPrecision(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
