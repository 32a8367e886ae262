/**
 * The backpropagation lesson: every widget is driven and the numbers it shows are checked against
 * the test's own float64 arithmetic (written out here, not imported from the engine).
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/backpropagation';

// ---- The test's own maths -------------------------------------------------------------------
type Vec = number[];
const matVec = (W: Vec, x: Vec, b: Vec): Vec =>
  b.map((bi, r) => bi + x.reduce((s, xi, c) => s + W[r * x.length + c]! * xi, 0));
const softmax = (z: Vec): Vec => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};
const outer = (a: Vec, b: Vec): Vec => a.flatMap((ai) => b.map((bj) => ai * bj));

/** The page's tiny network: x → W1,b1 → ReLU → W2,b2 → softmax cross-entropy with label 1. */
const NET = {
  W1: [0.6, -0.2, -0.5, 0.1],
  b1: [0.1, 0.2],
  W2: [0.7, -0.4, 0.2, 0.9],
  b2: [0, 0.1],
  x: [1, 2],
  label: 1,
};
type Net = typeof NET;

function net(p: Net) {
  const z1 = matVec(p.W1, p.x, p.b1);
  const h = z1.map((v) => Math.max(0, v));
  const z2 = matVec(p.W2, h, p.b2);
  const prob = softmax(z2);
  const loss = -Math.log(prob[p.label]!);
  const dz2 = prob.map((v, k) => v - (k === p.label ? 1 : 0));
  const dW2 = outer(dz2, h);
  const dh = [0, 1].map((c) => p.W2[c]! * dz2[0]! + p.W2[2 + c]! * dz2[1]!);
  const dz1 = dh.map((v, i) => (z1[i]! > 0 ? v : 0));
  const dW1 = outer(dz1, p.x);
  return { z1, h, z2, prob, loss, dz2, dW2, dh, dz1, dW1 };
}

/** Correlation of an n×n input (zero-padded by pad) with a k×k kernel. */
function correlate(x: Vec, n: number, w: Vec, k: number, pad: number): Vec {
  const out = n + 2 * pad - k + 1;
  const at = (r: number, c: number): number => (r < 0 || c < 0 || r >= n || c >= n ? 0 : x[r * n + c]!);
  const y: Vec = [];
  for (let i = 0; i < out; i++) {
    for (let j = 0; j < out; j++) {
      let s = 0;
      for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) s += at(i + u - pad, j + v - pad) * w[u * k + v]!;
      y.push(s);
    }
  }
  return y;
}

const read = async (loc: Locator, attr: string): Promise<number[]> =>
  JSON.parse((await loc.getAttribute(attr)) ?? 'null') as number[];

function expectClose(actual: number[], expected: number[], digits = 4): void {
  expect(actual).toHaveLength(expected.length);
  for (const [i, a] of actual.entries()) expect(a, `entry ${i}`).toBeCloseTo(expected[i]!, digits);
}

async function params(ex: Locator): Promise<Record<string, number | string>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number | string>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

// ---- Tests ------------------------------------------------------------------------------------

test('the two-layer graph steps forward then backward, each box showing the right value and gradient', async ({
  page,
}) => {
  await page.goto(LESSON);
  const graph = page.getByTestId('mlp-graph');
  const node = (id: string): Locator => graph.locator(`[data-node="${id}"]`);
  const expected = net(NET);

  await expect(node('z1')).toHaveAttribute('data-shown', 'none');
  await graph.getByRole('button', { name: 'Step ▶' }).click();
  expectClose(await read(node('z1'), 'data-value'), expected.z1);
  await expect(graph).toContainText('First layer');

  // The keyboard drives it too: → steps, ← goes back.
  const stage = graph.getByRole('group');
  await stage.focus();
  await stage.press('ArrowRight');
  await stage.press('ArrowRight');
  await stage.press('ArrowLeft');
  await stage.press('ArrowRight');
  expectClose(await read(node('h'), 'data-value'), expected.h);
  expectClose(await read(node('z2'), 'data-value'), expected.z2);
  await stage.press('ArrowRight');
  expectClose(await read(node('L'), 'data-value'), [expected.loss]);
  await expect(graph).toHaveAttribute('data-phase', 'forward');
  await expect(node('z2')).toHaveAttribute('data-shown', 'value');

  // Backward: ∂L/∂L = 1, then ∂L/∂z2 = p − y.
  await stage.press('ArrowRight');
  await stage.press('ArrowRight');
  await expect(graph).toHaveAttribute('data-phase', 'backward');
  expectClose(await read(node('z2'), 'data-grad'), expected.dz2);
  await expect(graph.locator('.graph-working')).toContainText(expected.dz2[0]!.toFixed(3));

  await stage.press('End');
  expectClose(await read(node('W2'), 'data-grad'), expected.dW2);
  expectClose(await read(node('h'), 'data-grad'), expected.dh);
  expectClose(await read(node('z1'), 'data-grad'), expected.dz1);
  expectClose(await read(node('W1'), 'data-grad'), expected.dW1);
  // The second hidden unit is off (z1[1] < 0), so its gradient is gated to 0.
  expect(expected.z1[1]!).toBeLessThan(0);
  expect((await read(node('z1'), 'data-grad'))[1]).toBe(0);
  await expect(graph.getByText('step 13 of 13')).toBeVisible();
});

test('the conv chain graph walks to the input gradient', async ({ page }) => {
  await page.goto(LESSON);
  const graph = page.getByTestId('cnn-graph');
  const stage = graph.getByRole('group');
  await stage.focus();
  await stage.press('End');
  await expect(graph).toHaveAttribute('data-phase', 'backward');
  const x = graph.locator('[data-node="x"]');
  const w = graph.locator('[data-node="w"]');
  const y = graph.locator('[data-node="y"]');
  const dy = await read(y, 'data-grad');
  // dL/dx is the full convolution of dL/dy with the rotated kernel; dL/dw slides dL/dy over x.
  const kernel = await read(w, 'data-value');
  expectClose(await read(x, 'data-grad'), correlate(dy, 4, [...kernel].reverse(), 2, 1));
  expectClose(await read(w, 'data-grad'), correlate(await read(x, 'data-value'), 5, dy, 4, 0));
});

test('dL/dW of the linear classifier is (softmax(Wx) − y) xᵀ for the chosen class', async ({ page }) => {
  await page.goto(LESSON);
  const widget = page.getByTestId('linear-gradient');
  const W = [0.1, -0.2, 0.3, 0.5, 0.4, 0.1, -0.3, 0.2, -0.2, 0.3, 0.1, -0.4];
  const x = [1, 2, 4, 0];
  const p = softmax(matVec(W, x, [0, 0, 0]));
  for (const label of [0, 2]) {
    await widget.getByRole('radio', { name: `class ${label}` }).check();
    await expect(widget).toHaveAttribute('data-label', String(label));
    const expected = outer(
      p.map((v, k) => v - (k === label ? 1 : 0)),
      x,
    );
    expectClose(await read(widget, 'data-dw'), expected);
  }
});

test('the engine conv backward equals the full convolution with the flipped kernel, on fresh numbers too', async ({
  page,
}) => {
  await page.goto(LESSON);
  const widget = page.getByTestId('conv-backward');
  for (let round = 0; round < 2; round++) {
    const dy = await read(widget, 'data-dy');
    const w = await read(widget, 'data-w');
    const ours = correlate(dy, 4, [...w].reverse(), 2, 1);
    expectClose(await read(widget, 'data-dx-engine'), ours);
    expectClose(await read(widget, 'data-dx-full'), ours);
    await expect(page.getByTestId('conv-match')).toContainText('they match');
    await widget.getByRole('button', { name: 'New numbers' }).click();
    await expect(widget).toHaveAttribute('data-seed', String(round + 2));
  }
});

test('max pooling routes each gradient to its switch, and ReLU gates by the sign of z', async ({ page }) => {
  await page.goto(LESSON);
  const pool = page.getByTestId('pool-routing');
  const x = await read(pool, 'data-x');
  const dy = await read(pool, 'data-dy');
  const expected = new Array<number>(16).fill(0);
  for (let wr = 0; wr < 2; wr++) {
    for (let wc = 0; wc < 2; wc++) {
      const cells = [0, 1, 4, 5].map((o) => wr * 8 + wc * 2 + o);
      const win = cells.reduce((a, b) => (x[b]! > x[a]! ? b : a));
      expected[win] = dy[wr * 2 + wc]!;
    }
  }
  expect(await read(pool, 'data-dx')).toEqual(expected);
  await pool.getByRole('grid', { name: '∂L/∂y (upstream)' }).locator('[data-index="3"]').hover();
  await expect(page.getByTestId('pool-readout')).toContainText(`∂L/∂x there = ${dy[3]}`);

  const relu = page.getByTestId('relu-gate');
  const z = await read(relu, 'data-z');
  const up = await read(relu, 'data-dy');
  expect(await read(relu, 'data-dx')).toEqual(z.map((v, i) => (v > 0 ? up[i]! : 0)));
});

test('the gradient check compares backprop with a central difference as h changes', async ({ page }) => {
  await page.goto(LESSON);
  const check = page.getByTestId('grad-check');
  const num = async (attr: string): Promise<number> => Number(await check.getAttribute(attr));
  const central = (tensor: 'W1' | 'b1', index: number, h: number): number => {
    const moved = (d: number): Net => ({ ...NET, [tensor]: NET[tensor].map((v, i) => (i === index ? v + d : v)) });
    return (net(moved(h)).loss - net(moved(-h)).loss) / (2 * h);
  };

  await expect(check).toHaveAttribute('data-param', 'W1[0,1]');
  const analytic = net(NET).dW1[1]!;
  expect(await num('data-analytic')).toBeCloseTo(analytic, 5);
  expect(await num('data-numerical')).toBeCloseTo(central('W1', 1, 1e-3), 4);
  const rel = (a: number, n: number): number => Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n));
  expect(await num('data-rel-error')).toBeCloseTo(rel(await num('data-analytic'), await num('data-numerical')), 8);
  expect(await num('data-rel-error')).toBeLessThan(1e-3);

  // A large step: the difference quotient drifts from the true slope.
  await check.getByRole('slider').fill('-1');
  await expect(check).toHaveAttribute('data-h', '0.1');
  expect(await num('data-numerical')).toBeCloseTo(central('W1', 1, 0.1), 4);
  await expect(check.getByTestId('rel-error')).toHaveText((await num('data-rel-error')).toExponential(2));

  // A weight behind the shut ReLU: both gradients are exactly 0.
  await check.getByLabel('Parameter').selectOption({ label: 'b1[1] = 0.2' });
  await expect(check.getByTestId('rel-error')).toHaveText('both are 0');
});

test('exercises accept right answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const chain = page.locator('[data-exercise="chain-rule"]');
  const c = await params(chain);
  const product = Number(c.upstream) * Number(c.local2) * Number(c.local1);
  await answer(chain, String(product + 1));
  await expect(chain.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(chain, String(Number(product.toFixed(6))));
  await expect(chain.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(chain).toHaveAttribute('data-done', 'true');

  const sm = page.locator('[data-exercise="softmax-gradient"]');
  const s = await params(sm);
  const grad = [s.p0, s.p1, s.p2].map((v, k) => Number((Number(v) - (k === s.label ? 1 : 0)).toFixed(6)));
  await answer(sm, grad.join(' '));
  await expect(sm.getByRole('status')).toHaveAttribute('data-result', 'right');

  const pool = page.locator('[data-exercise="pool-switch"]');
  const q = await params(pool);
  const vals = [q.a, q.b, q.c, q.d].map(Number);
  const win = vals.indexOf(Math.max(...vals));
  await answer(pool, vals.map((_, i) => (i === win ? q.g : 0)).join(', '));
  await expect(pool.getByRole('status')).toHaveAttribute('data-result', 'right');

  const relu = page.locator('[data-exercise="relu-gate"]');
  const r = await params(relu);
  const z = String(r.z).split(' ').map(Number);
  const dy = String(r.dy).split(' ').map(Number);
  await answer(relu, dy.join(' ')); // forgetting the gate is wrong (there is always a z ≤ 0)
  await expect(relu.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(relu, z.map((v, i) => (v > 0 ? dy[i] : 0)).join(' '));
  await expect(relu.getByRole('status')).toHaveAttribute('data-result', 'right');
});
