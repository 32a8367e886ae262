import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/initialisation';
// The experiment runs 10–20 layers of 500×500 products in a worker on a shared machine: allow minutes.
const COMPUTE = { timeout: 90_000 };

const num = async (l: Locator): Promise<number> => Number((await l.textContent())!.replace('%', ''));

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

async function openExperiment(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const exp = page.getByTestId('init-experiment');
  await exp.scrollIntoViewIfNeeded();
  return exp;
}

/** Waits for the run to finish and returns the per-layer stds the widget shows. */
async function layerStds(exp: Locator, depth: number): Promise<number[]> {
  await expect(exp).toHaveAttribute('data-status', 'done', COMPUTE);
  await expect(exp.locator('.init-hist')).toHaveCount(depth);
  const stds: number[] = [];
  for (let k = 1; k <= depth; k++) stds.push(Number(await exp.getByTestId(`layer-${k}`).getAttribute('data-std')));
  return stds;
}

test('equal starting weights keep the hidden units identical; random ones do not', async ({ page }) => {
  await page.goto(LESSON);
  const demo = page.getByTestId('symmetry-demo');
  // All 0.5: h = tanh(0.5·Σx), y = 3·0.5·h with x = [0.5, −0.3, 0.8, 0.2].
  const h = Math.tanh(0.5 * (0.5 - 0.3 + 0.8 + 0.2));
  await expect(demo.getByTestId('sym-output')).toHaveText((1.5 * h).toFixed(3));
  await expect(demo.getByTestId('sym-loss')).toHaveText((0.5 * (1.5 * h - 1) ** 2).toFixed(3));
  const lossBefore = await num(demo.getByTestId('sym-loss'));
  for (let i = 0; i < 3; i++) await demo.getByRole('button', { name: 'Take a gradient step' }).click();
  await expect(demo).toHaveAttribute('data-steps', '3');
  await expect(demo).toHaveAttribute('data-distinct', '1');
  expect(await num(demo.getByTestId('sym-loss'))).toBeLessThan(lossBefore);

  await demo.getByRole('radio', { name: 'All zeros' }).check();
  await demo.getByRole('button', { name: 'Take a gradient step' }).click();
  await expect(demo).toHaveAttribute('data-steps', '1');
  await expect(demo.getByTestId('sym-output')).toHaveText('0.000'); // no gradient reaches any weight
  await expect(demo.getByTestId('sym-loss')).toHaveText('0.500');

  await demo.getByRole('radio', { name: 'Random, σ = 0.5' }).check();
  await expect(demo).toHaveAttribute('data-distinct', '3');
  await demo.getByRole('button', { name: 'Take a gradient step' }).click();
  await demo.getByRole('button', { name: 'Start again' }).click();
  await expect(demo).toHaveAttribute('data-steps', '0');
});

test('predict first: σ = 0.01 with tanh collapses by (0.01·√500) per layer', async ({ page }) => {
  test.setTimeout(180_000);
  const exp = await openExperiment(page);
  const prompt = exp.getByTestId('predict-prompt');
  await expect(prompt).toBeVisible();
  await expect(exp.getByTestId('verdict')).toHaveCount(0); // nothing revealed before a prediction
  await expect(prompt.getByRole('button', { name: 'Reveal' })).toBeDisabled();
  await prompt.getByRole('radio', { name: 'Collapses towards 0' }).check();
  await prompt.getByRole('button', { name: 'Reveal' }).click();
  const stds = await layerStds(exp, 10);
  await expect(exp.getByTestId('verdict')).toHaveAttribute('data-outcome', 'shrinks');
  await expect(exp.getByTestId('verdict')).toContainText('Your prediction was right');
  await expect(exp.getByTestId('target-std')).toHaveText((0.01).toPrecision(4));
  const factor = 0.01 * Math.sqrt(500);
  stds.forEach((s, k) => {
    expect(s / factor ** (k + 1)).toBeGreaterThan(0.8);
    expect(s / factor ** (k + 1)).toBeLessThan(1.25);
  });
  const first = await num(exp.getByTestId('first-std'));
  const last = await num(exp.getByTestId('last-std'));
  expect(last).toBeLessThan(first * 1e-5); // orders of magnitude smaller
  expect(last).toBeLessThan(1e-6);
});

test('every control: σ = 1 saturates tanh, Xavier keeps it, ReLU needs He, 20 leaky layers, width, seed', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const exp = await openExperiment(page);
  const prompt = exp.getByTestId('predict-prompt');

  // σ = 1, tanh: a wrong prediction is answered with the engine's verdict.
  await exp.getByRole('radio', { name: 'σ = 1', exact: true }).check();
  await prompt.getByRole('radio', { name: 'Keeps a similar spread' }).check();
  await prompt.getByRole('button', { name: 'Reveal' }).click();
  await layerStds(exp, 10);
  await expect(exp.getByTestId('verdict')).toHaveAttribute('data-outcome', 'saturates');
  await expect(exp.getByTestId('verdict')).toContainText('You predicted');
  // z has std ≈ √500 ≈ 22, and P(|z| > atanh 0.99 = 2.65) ≈ 90%.
  expect(await num(exp.getByTestId('last-share'))).toBeGreaterThan(85);

  // A new setting hides the results again until the next prediction; skipping is allowed.
  await exp.getByRole('radio', { name: 'Xavier', exact: true }).check();
  await expect(exp).toHaveAttribute('data-shown', 'false');
  await prompt.getByRole('button', { name: 'Show without predicting' }).click();
  const xavierTanh = await layerStds(exp, 10);
  await expect(exp.getByTestId('target-std')).toHaveText((1 / Math.sqrt(500)).toPrecision(4));
  const drawn = await num(exp.getByTestId('drawn-std'));
  expect(Math.abs(drawn * Math.sqrt(500) - 1)).toBeLessThan(0.01);
  await expect(exp.getByTestId('verdict')).toHaveAttribute('data-outcome', 'steady');
  expect(xavierTanh[9]).toBeGreaterThan(0.1);
  expect(xavierTanh[9]).toBeLessThan(0.4);
  expect(await num(exp.getByTestId('last-share'))).toBeLessThan(1);

  // Stop asking: the rest reveals at once.
  await exp.getByLabel('Ask me to predict before each run').uncheck();
  await exp.getByRole('radio', { name: 'ReLU', exact: true }).check();
  const xavierRelu = await layerStds(exp, 10);
  await expect(exp.getByTestId('verdict')).toHaveAttribute('data-outcome', 'shrinks');
  // The mean square halves each layer, so the std falls by √2 a layer: ×(1/√2)^9 ≈ 0.044 from layer 1 to 10.
  expect(xavierRelu[9]! / xavierRelu[0]!).toBeGreaterThan(0.044 / 1.6);
  expect(xavierRelu[9]! / xavierRelu[0]!).toBeLessThan(0.044 * 1.6);
  const zeros = await num(exp.getByTestId('last-share'));
  expect(zeros).toBeGreaterThan(40);
  expect(zeros).toBeLessThan(60);

  await exp.getByRole('radio', { name: 'He', exact: true }).check();
  const heRelu = await layerStds(exp, 10);
  await expect(exp.getByTestId('target-std')).toHaveText(Math.sqrt(2 / 500).toPrecision(4));
  await expect(exp.getByTestId('verdict')).toHaveAttribute('data-outcome', 'steady');
  for (const s of heRelu) {
    expect(s).toBeGreaterThan(0.826 * 0.65); // √(1 − 1/π) ≈ 0.826 at every layer
    expect(s).toBeLessThan(0.826 * 1.5);
  }

  await exp.getByRole('radio', { name: 'Leaky ReLU' }).check();
  await exp.getByRole('radio', { name: '20 layers' }).check();
  const heLeaky = await layerStds(exp, 20);
  expect(heLeaky[19]! / heLeaky[0]!).toBeGreaterThan(0.1);
  expect(heLeaky[19]! / heLeaky[0]!).toBeLessThan(10);

  await exp.getByRole('radio', { name: '10 layers' }).check();
  await exp.getByRole('radio', { name: '250', exact: true }).check();
  await layerStds(exp, 10);
  await expect(exp.getByTestId('target-std')).toHaveText(Math.sqrt(2 / 250).toPrecision(4));

  await exp.getByRole('radio', { name: '100', exact: true }).check();
  await layerStds(exp, 10);
  await expect(exp.getByTestId('target-std')).toHaveText(Math.sqrt(2 / 100).toPrecision(4));
  const seed1 = await exp.getByTestId('drawn-std').textContent();
  const lastSeed1 = await exp.getByTestId('layer-10').getAttribute('data-std');
  await exp.getByLabel('Seed').fill('7');
  await expect(exp.getByTestId('layer-10')).not.toHaveAttribute('data-std', lastSeed1!, COMPUTE);
  await layerStds(exp, 10);
  expect(await exp.getByTestId('drawn-std').textContent()).not.toBe(seed1);
  await exp.getByLabel('Seed').fill('0');
  await expect(exp.getByText('Use 1 or more.')).toBeVisible();
});

test('gradients vanish with σ = 0.01 and explode with σ = 1 on the way back', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(LESSON);
  const flow = page.getByTestId('gradient-flow');
  await flow.scrollIntoViewIfNeeded();
  await expect(flow).toHaveAttribute('data-status', 'done', COMPUTE);
  const grad = async (layer: number): Promise<number> =>
    Number(await flow.locator(`tr[data-layer="${layer}"]`).getAttribute('data-grad'));
  expect(await grad(10)).toBeGreaterThan(0.95); // the unit-Gaussian gradient we start from
  expect(await grad(10)).toBeLessThan(1.05);
  const vanish = (0.01 * Math.sqrt(500)) ** 9;
  expect((await grad(1)) / vanish).toBeGreaterThan(0.8);
  expect((await grad(1)) / vanish).toBeLessThan(1.25);

  await flow.getByRole('radio', { name: 'σ = 1', exact: true }).check();
  await expect(flow).toHaveAttribute('data-status', 'computing');
  await expect(flow).toHaveAttribute('data-status', 'done', COMPUTE);
  // Each layer back multiplies by √(500·E[(1−a²)²]) ≈ 3.5: more than 1000× over nine layers.
  expect((await grad(1)) / (await grad(10))).toBeGreaterThan(1e3);

  await flow.getByRole('radio', { name: 'He', exact: true }).check();
  await flow.getByRole('radio', { name: 'ReLU', exact: true }).check();
  await flow.getByRole('radio', { name: '20 layers' }).check();
  await expect(flow.locator('tbody tr')).toHaveCount(21, COMPUTE); // input + 20 layers
  await expect(flow).toHaveAttribute('data-status', 'done', COMPUTE);
  const atInput = await num(flow.getByTestId('input-gradient'));
  expect(atInput).toBeGreaterThan(0.4);
  expect(atInput).toBeLessThan(2.5);
  await flow.getByRole('radio', { name: 'Xavier', exact: true }).check();
  await flow.getByRole('radio', { name: 'tanh', exact: true }).check();
  await expect(flow).toHaveAttribute('data-status', 'done', COMPUTE);
  await expect(flow.locator('li[data-series="gradients"]')).toContainText('layer 20');
});

test('the fan calculator gives Xavier, Glorot and He variances and the engine draws them', async ({ page }) => {
  await page.goto(LESSON);
  const calc = page.getByTestId('fan-calculator');
  const row = (id: string): Locator => calc.locator(`tr[data-rule="${id}"]`);
  await expect(row('xavier').getByTestId('variance')).toHaveText((1 / 500).toPrecision(4));
  await expect(row('xavier').getByTestId('sigma')).toHaveText((1 / Math.sqrt(500)).toPrecision(4));
  await calc.getByLabel('n_in (inputs per unit)').fill('200');
  await calc.getByLabel('n_out (units)').fill('800');
  await expect(row('xavier').getByTestId('variance')).toHaveText((1 / 200).toPrecision(4));
  await expect(row('glorot').getByTestId('variance')).toHaveText((2 / 1000).toPrecision(4));
  await expect(row('he').getByTestId('variance')).toHaveText((2 / 200).toPrecision(4));
  for (const [id, sigma] of [
    ['xavier', Math.sqrt(1 / 200)],
    ['glorot', Math.sqrt(2 / 1000)],
    ['he', Math.sqrt(2 / 200)],
  ] as const) {
    const drawn = await num(row(id).getByTestId('drawn'));
    expect(Math.abs(drawn / sigma - 1)).toBeLessThan(0.01); // 160,000 draws
  }
  await calc.getByLabel('n_in (inputs per unit)').fill('5000');
  await expect(calc.getByText('Use 1000 or less.')).toBeVisible();
  await expect(row('he').getByTestId('variance')).toHaveText((2 / 200).toPrecision(4));
});

test('exercises: wrong answers are marked wrong and right ones accepted', async ({ page }) => {
  await page.goto(LESSON);
  const collapse = page.locator('[data-exercise="collapse-std"]');
  const c = JSON.parse((await collapse.getAttribute('data-params'))!) as { n: number; layers: number; sigma: number };
  await answer(collapse, '0.5');
  await expect(collapse.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(collapse, ((c.sigma * Math.sqrt(c.n)) ** c.layers).toExponential(3));
  await expect(collapse.locator('[data-result]')).toHaveAttribute('data-result', 'right');
  await expect(collapse).toHaveAttribute('data-done', 'true');

  const xavier = page.locator('[data-exercise="xavier-variance"]');
  const { nIn } = JSON.parse((await xavier.getAttribute('data-params'))!) as { nIn: number };
  await answer(xavier, String(2 / nIn)); // He's, not Xavier's
  await expect(xavier.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(xavier, String(1 / nIn));
  await expect(xavier.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const which = page.locator('[data-exercise="which-init"]');
  const { activation } = JSON.parse((await which.getAttribute('data-params'))!) as { activation: string };
  await answer(which, activation === 'tanh' ? 'He' : 'Xavier');
  await expect(which.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(which, activation === 'tanh' ? 'Xavier' : 'He');
  await expect(which.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const halving = page.locator('[data-exercise="relu-halving"]');
  const { layers } = JSON.parse((await halving.getAttribute('data-params'))!) as { layers: number };
  await answer(halving, String(0.5 ** layers));
  await expect(halving.locator('[data-result]')).toHaveAttribute('data-result', 'right');
  await halving.getByRole('button', { name: 'Show worked solution' }).click();
  await expect(halving.getByTestId('solution')).toContainText(String(0.5 ** layers));
  await halving.getByRole('button', { name: 'New numbers' }).click();
  await expect(halving).toHaveAttribute('data-seed', '2');
});
