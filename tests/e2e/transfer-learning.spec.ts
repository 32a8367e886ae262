/**
 * The transfer-learning lesson: the four-case table, the live experiment (pretrain on 0-4, then
 * frozen / fine-tune / scratch on 5-9 at 50 and 500 images, on the CPU engine with a fixed seed,
 * so the runs give the same numbers every time) checked against the test's own arithmetic, and
 * the exercises.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/transfer-learning';
const STRATEGIES = ['frozen', 'finetune', 'scratch'] as const;
// The lesson's set-up, written out again here: epochs and batch size per number of images.
const RUNS = { 50: { epochs: 8, batch: 10 }, 500: { epochs: 4, batch: 25 } } as const;
const PRETRAIN_EPOCHS = 3;
// conv1: 16 filters 5×5 on 1 channel; conv2: 32 filters 5×5 on 16; 28 → 24 → 12 → 8 → 4, so 32·4·4 features.
const CONV1 = 16 * 5 * 5 + 16;
const CONV2 = 32 * 16 * 5 * 5 + 32;
const HEAD = 32 * 4 * 4 * 10 + 10;

async function params(ex: Locator): Promise<Record<string, number | string>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number | string>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

test('the four cases: little data freezes more, much data retrains everything', async ({ page }) => {
  await page.goto(LESSON);
  const rows = page.getByTestId('cases-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const cells = async (n: number): Promise<string[]> => rows.nth(n).locator('th, td').allTextContents();
  expect((await cells(0)).slice(0, 5)).toEqual([
    '1',
    'little',
    'similar',
    'every convolution layer',
    'only a new classifier on top',
  ]);
  expect((await cells(1)).slice(0, 4)).toEqual(['2', 'much', 'similar', 'nothing']);
  expect((await cells(2)).slice(0, 3)).toEqual(['3', 'little', 'different']);
  expect((await cells(3)).slice(0, 4)).toEqual(['4', 'much', 'different', 'nothing']);
});

test('pretrained frozen features beat training from scratch at 50 images; every run reaches its step count', async ({
  page,
}) => {
  test.setTimeout(900_000);
  await page.goto(LESSON);
  const lab = page.getByTestId('transfer-lab');
  const run = lab.getByRole('button', { name: 'Run the experiment' });
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();

  // Pause and resume during pretraining.
  const status = page.getByTestId('transfer-status');
  await expect(status).toContainText(/Pretraining on 0-4: step [1-9]/, { timeout: 120_000 });
  await lab.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toContainText('(paused)');
  await lab.getByRole('button', { name: 'Resume' }).click();
  await expect(status).not.toContainText('(paused)');

  await expect(lab).toHaveAttribute('data-phase', 'done', { timeout: 840_000 });

  // Pretraining: one validation accuracy per epoch, all well above chance on five digits.
  const pretrain = (await page.getByTestId('pretrain-accuracy').textContent()) ?? '';
  const pre = pretrain.split(', ').map((t) => Number.parseFloat(t));
  expect(pre).toHaveLength(PRETRAIN_EPOCHS);
  for (const a of pre) expect(a).toBeGreaterThan(90);

  // Parameters: the frozen net trains only its head; the others train everything.
  await expect(page.getByTestId('params-frozen')).toHaveText(
    `${HEAD.toLocaleString('en-US')} / ${(CONV1 + CONV2 + HEAD).toLocaleString('en-US')}`,
  );
  for (const s of ['finetune', 'scratch']) {
    const all = (CONV1 + CONV2 + HEAD).toLocaleString('en-US');
    await expect(page.getByTestId(`params-${s}`)).toHaveText(`${all} / ${all}`);
  }

  const finals: Record<string, number> = {};
  for (const size of [50, 500] as const) {
    const { epochs, batch } = RUNS[size];
    const steps = epochs * Math.ceil(size / batch);
    const stepsText = (await page.getByTestId(`steps-${size}`).textContent()) ?? '';
    expect(stepsText.match(/step (\d+) of (\d+)/g)).toEqual(Array(3).fill(`step ${steps} of ${steps}`));

    const accuracy = page.getByTestId(`accuracy-${size}`);
    const loss = page.getByTestId(`loss-${size}`);
    for (const s of STRATEGIES) {
      const acc = accuracy.locator(`li[data-series="${s}"]`);
      await expect(acc).toHaveAttribute('data-points', String(epochs));
      const lastPercent = Number(await acc.getAttribute('data-last'));
      const final = Number(await page.getByTestId(`final-${size}-${s}`).getAttribute('data-value'));
      // The table's number is the chart's last point, and it is far above chance (20% over five digits).
      expect(final * 100).toBeCloseTo(lastPercent, 6);
      await expect(page.getByTestId(`final-${size}-${s}`)).toHaveText(`${(final * 100).toFixed(1)}%`);
      expect(final).toBeGreaterThan(0.5);
      finals[`${size}-${s}`] = final;

      const curve = loss.locator(`li[data-series="${s}"]`);
      await expect(curve).toHaveAttribute('data-points', String(steps));
      expect(Number(await curve.getAttribute('data-last'))).toBeLessThan(
        Number(await curve.getAttribute('data-first')),
      );
    }
  }
  // The done-when line: with this seed and this many steps, frozen features beat from scratch at 50 images.
  expect(finals['50-frozen']).toBeGreaterThan(finals['50-scratch']!);
  // And more data helps every strategy.
  for (const s of STRATEGIES) expect(finals[`500-${s}`]).toBeGreaterThan(finals[`50-${s}`]!);

  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect(lab).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByTestId('final-50-frozen')).toHaveText('—');
  await expect(run).toBeEnabled({ timeout: 60_000 });
});

test('exercises accept answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const which = page.locator('[data-exercise="which-case"]');
  const w = await params(which);
  const caseNumber = (w.data === 'little' ? 1 : 2) + (w.task === 'different' ? 2 : 0);
  await answer(which, String(caseNumber === 1 ? 2 : 1));
  await expect(which.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(which, String(caseNumber));
  await expect(which.getByRole('status')).toHaveAttribute('data-result', 'right');

  const head = page.locator('[data-exercise="head-features"]');
  const h = await params(head);
  const [n, k1, k2, f2] = [Number(h.n), Number(h.k1), Number(h.k2), Number(h.f2)];
  const side = Math.floor((Math.floor((n - k1 + 1) / 2) - k2 + 1) / 2);
  await answer(head, String(f2 * (n - k1 + 1) * (n - k1 + 1))); // forgot everything after the first conv
  await expect(head.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(head, String(f2 * side * side));
  await expect(head.getByRole('status')).toHaveAttribute('data-result', 'right');

  const trainable = page.locator('[data-exercise="trainable-params"]');
  const t = await params(trainable);
  const [c1, c2, features, classes] = [Number(t.c1), Number(t.c2), Number(t.features), Number(t.classes)];
  const headParams = features * classes + classes;
  const total = c1 * 25 + c1 + c2 * c1 * 25 + c2 + headParams;
  await answer(trainable, `${total} ${total}`); // as if nothing were frozen
  await expect(trainable.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(trainable, `${headParams} ${total}`);
  await expect(trainable.getByRole('status')).toHaveAttribute('data-result', 'right');

  const steps = page.locator('[data-exercise="fine-tune-steps"]');
  const s = await params(steps);
  const [images, batch, epochs] = [Number(s.images), Number(s.batch), Number(s.epochs)];
  await answer(steps, String(epochs * Math.ceil(images / batch)));
  await expect(steps.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(steps).toHaveAttribute('data-done', 'true');
});
