import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { TRAINING_WORKER, watchTrainingWorkers, workerTally } from './worker-training';

const LESSON = '/#/lesson/activations';

// The test's own math, independent of the engine.
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const F: Record<string, (x: number) => [number, number]> = {
  sigmoid: (x) => [sigmoid(x), sigmoid(x) * (1 - sigmoid(x))],
  tanh: (x) => [Math.tanh(x), 1 - Math.tanh(x) ** 2],
  relu: (x) => [Math.max(0, x), x > 0 ? 1 : 0],
  leakyRelu: (x) => [x > 0 ? x : 0.1 * x, x > 0 ? 1 : 0.1],
  elu: (x) => [x > 0 ? x : Math.exp(x) - 1, x > 0 ? 1 : Math.exp(x)],
  softplus: (x) => [Math.log1p(Math.exp(x)), sigmoid(x)],
};

async function expectReadout(readout: Locator, kind: string): Promise<number> {
  const x = Number(await readout.getAttribute('data-x'));
  const [y, d] = F[kind]!(x);
  expect(Number(await readout.getByTestId('fx').textContent())).toBeCloseTo(y, 3);
  expect(Number(await readout.getByTestId('dfx').textContent())).toBeCloseTo(d, 3);
  return x;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('the explorer steps x with the keyboard and shows f(x) and its derivative for each activation', async ({
  page,
}) => {
  await page.goto(LESSON);
  const explorer = page.getByTestId('activation-explorer');
  const readout = explorer.getByTestId('activation-readout');
  const slider = explorer.getByRole('slider', { name: 'Input x' });
  await slider.focus();
  await slider.press('Home');
  await expect(readout).toHaveAttribute('data-x', '-5');
  expect(await expectReadout(readout, 'sigmoid')).toBe(-5);
  for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
  await expect(readout).toHaveAttribute('data-x', '-4');
  await expectReadout(readout, 'sigmoid');
  await slider.press('Shift+ArrowRight');
  await slider.press('Shift+ArrowRight');
  await slider.press('Shift+ArrowRight');
  await slider.press('Shift+ArrowRight');
  await expect(readout).toHaveAttribute('data-x', '0');
  await expect(readout.getByTestId('dfx')).toHaveText('0.25'); // the sigmoid's steepest slope
  for (const kind of ['tanh', 'relu', 'leakyRelu', 'elu', 'softplus']) {
    const label = { tanh: 'tanh', relu: 'ReLU', leakyRelu: 'Leaky ReLU', elu: 'ELU', softplus: 'Softplus' }[kind]!;
    await explorer.getByRole('radio', { name: label, exact: true }).check();
    await slider.press('ArrowLeft');
    await slider.press('Shift+ArrowLeft');
    expect(await expectReadout(readout, kind)).toBeLessThan(0);
  }
});

test('dragging on the plot moves x and the readout follows', async ({ page }) => {
  await page.goto(LESSON);
  const explorer = page.getByTestId('activation-explorer');
  const readout = explorer.getByTestId('activation-readout');
  const svg = explorer.getByTestId('activation-plot').locator('svg');
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await readout.getAttribute('data-x'))).toBeGreaterThan(2);
  const x = await expectReadout(readout, 'sigmoid');
  expect(x).toBeGreaterThan(2);
});

test('a chain of ten sigmoids shrinks the gradient below 0.25^10', async ({ page }) => {
  await page.goto(LESSON);
  const chain = page.getByTestId('saturation-chain');
  await expect(chain.getByTestId('sigmoid-bound')).toHaveText((0.25 ** 10).toExponential(3));
  let a = 1; // the widget's default input
  let product = 1;
  for (let k = 0; k < 10; k++) {
    product *= sigmoid(a) * (1 - sigmoid(a));
    a = sigmoid(a);
  }
  const shown = Number(await chain.locator('[data-chain="sigmoid"]').getAttribute('data-product'));
  expect(shown / product).toBeCloseTo(1, 4);
  expect(shown).toBeLessThan(0.25 ** 10);
});

test('lowering a ReLU unit’s bias kills more of its gradients', async ({ page }) => {
  await page.goto(LESSON);
  const dying = page.getByTestId('dying-relu');
  const atZero = Number(await dying.getAttribute('data-dead'));
  expect(atZero).toBeGreaterThan(150);
  expect(atZero).toBeLessThan(250);
  await dying.getByRole('slider').fill('-5');
  await expect(dying).toHaveAttribute('data-dead', '400');
});

test('the live experiment trains three networks and their losses fall', async ({ page }) => {
  test.setTimeout(90_000);
  await watchTrainingWorkers(page);
  await page.goto(LESSON);
  const race = page.getByTestId('activation-race');
  await race.getByRole('radio', { name: '100', exact: true }).check();
  await race.getByRole('button', { name: 'Start' }).click();
  await expect(race).not.toHaveAttribute('data-phase', 'idle');
  await expect(race).toHaveAttribute('data-phase', 'idle', { timeout: 60_000 });
  for (const kind of ['sigmoid', 'tanh', 'relu']) {
    const legend = race.locator(`li[data-series="${kind}"]`);
    expect(Number(await legend.getAttribute('data-points'))).toBeGreaterThan(10);
    const first = Number(await legend.getAttribute('data-first'));
    const last = Number(await legend.getAttribute('data-last'));
    expect(last).toBeLessThan(first);
  }
  await expect(race.getByTestId('race-accuracy')).toContainText('ReLU');
  await expect(race.getByTestId('race-accuracy')).toContainText('%');
  // Each network trained in its own Web Worker: three were created and the curves came from them.
  const tally = await workerTally(page);
  expect(tally.created.filter((url) => TRAINING_WORKER.test(url)).length).toBeGreaterThanOrEqual(3);
  expect(tally.trainerMessages).toBeGreaterThan(3 * 10);
});

test('exercises: a wrong answer is marked wrong and right ones are accepted', async ({ page }) => {
  await page.goto(LESSON);
  const slope = page.locator('[data-exercise="sigmoid-slope"]');
  const { x } = JSON.parse((await slope.getAttribute('data-params'))!) as { x: number };
  await answer(slope, '0.9');
  await expect(slope.locator('[data-result]')).toHaveAttribute('data-result', 'wrong');
  await answer(slope, (sigmoid(x) * (1 - sigmoid(x))).toFixed(3));
  await expect(slope.locator('[data-result]')).toHaveAttribute('data-result', 'right');
  await expect(slope).toHaveAttribute('data-done', 'true');

  const chain = page.locator('[data-exercise="sigmoid-chain"]');
  const { n } = JSON.parse((await chain.getAttribute('data-params'))!) as { n: number };
  await answer(chain, String(0.25 ** n));
  await expect(chain.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const centred = page.locator('[data-exercise="zero-centred"]');
  const { activation } = JSON.parse((await centred.getAttribute('data-params'))!) as { activation: string };
  await answer(centred, activation === 'tanh' ? 'yes' : 'no');
  await expect(centred.locator('[data-result]')).toHaveAttribute('data-result', 'right');

  const leaky = page.locator('[data-exercise="leaky-relu"]');
  const p = JSON.parse((await leaky.getAttribute('data-params'))!) as { x: number; alpha: number };
  const expected = p.x > 0 ? [p.x, 1] : [p.alpha * p.x, p.alpha];
  await answer(leaky, expected.map((v) => Number(v.toFixed(6))).join(' '));
  await expect(leaky.locator('[data-result]')).toHaveAttribute('data-result', 'right');
  await leaky.getByRole('button', { name: 'Show worked solution' }).click();
  await expect(leaky.getByTestId('solution')).toBeVisible();
});
