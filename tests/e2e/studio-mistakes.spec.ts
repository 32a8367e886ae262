import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * The mistakes gallery and the test-set evaluation: train the lecture net for one epoch (219 steps
 * on the embedded subset), so the validation accuracy shown is that of the final weights, then check
 * that the gallery lists exactly the validation images those weights get wrong, filter it by class,
 * switch to the test split and evaluate on the test set. Screenshots of the tab go to
 * $SHOTS_DIR (default screenshots/, gitignored).
 */
const shots = process.env.SHOTS_DIR ?? 'screenshots';

function shoot(page: Page, name: string): Promise<Buffer> {
  if (!existsSync(shots)) mkdirSync(shots, { recursive: true });
  return page.screenshot({ path: join(shots, `${name}.png`) });
}

test('the mistakes tab lists what the trained net gets wrong, by class and split, and the test set is evaluated', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/#/studio');
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: /^Start/ })).toBeEnabled({ timeout: 30_000 });

  // Before training: the untrained net's mistakes are already listed.
  await page.getByRole('tab', { name: 'Mistakes' }).click();
  const view = page.getByTestId('mistakes-view');
  const summary = view.getByTestId('mistakes-summary');
  await expect(summary).toHaveAttribute('data-evaluated', '1000', { timeout: 30_000 });
  expect(Number(await summary.getAttribute('data-wrong'))).toBeGreaterThan(500);

  await page.getByRole('tab', { name: 'Hyperparameters' }).click();
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByLabel('Batch size', { exact: true }).fill('32');
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
  await expect(page.getByTestId('run-progress')).toHaveAttribute('value', '219');

  const accuracy = Number(await page.getByTestId('val-accuracy').getAttribute('data-value'));
  expect(accuracy).toBeGreaterThan(0.8);
  const wrong = Math.round((1 - accuracy) * 1000);

  // The gallery refreshed when training stopped: the same weights, so the same count.
  await expect(summary).toHaveAttribute('data-wrong', String(wrong), { timeout: 30_000 });
  await expect(summary).toHaveAttribute('data-accuracy', String(accuracy));
  await expect(summary).toContainText(`${wrong} of 1,000 validation images are misclassified`);
  const items = view.getByTestId('mistake');
  await expect(items).toHaveCount(Math.min(60, wrong));
  const pairs = await items.evaluateAll((els) =>
    els.map((el) => [Number(el.getAttribute('data-label')), Number(el.getAttribute('data-predicted'))]),
  );
  for (const [label, predicted] of pairs) expect(label).not.toBe(predicted);
  await expect(items.first()).toContainText(/true \d → predicted \d \(\d+%\)/);
  await expect(items.first().locator('canvas')).toHaveCount(1);
  await expect(items.first().getByRole('list', { name: 'Top three probabilities' }).locator('li')).toHaveCount(3);
  // Most confident first.
  const confidences = await items.evaluateAll((els) =>
    els.map((el) => Number(/\((\d+)%\)/.exec(el.textContent ?? '')?.[1])),
  );
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));

  // Filter by the true class of the first mistake: only that class, as many as the option says.
  const chosen = pairs[0]![0]!;
  const select = view.getByTestId('mistakes-class');
  const optionText = (await select.locator(`option[value="${chosen}"]`).textContent()) ?? '';
  const perClass = Number(/\((\d+) wrong\)/.exec(optionText)?.[1]);
  expect(perClass).toBeGreaterThan(0);
  await select.selectOption(String(chosen));
  await expect(items).toHaveCount(Math.min(60, perClass));
  const labels = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-label')));
  expect(new Set(labels)).toEqual(new Set([String(chosen)]));
  await expect(summary).toContainText(`${perClass} of them are ${chosen}s`);
  await shoot(page, 'mistakes-filtered-1280x800');
  await select.selectOption('');
  await expect(items).toHaveCount(Math.min(60, wrong));

  // The test split in the gallery, and "Evaluate on test set" in the curves card agree.
  await view.getByText('Test (2,000)').click();
  await expect(summary).toHaveAttribute('data-evaluated', '2000', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  const result = page.getByTestId('test-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toHaveAttribute('data-count', '2000');
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d+\.\d%$/);
  const testAccuracy = Number(await result.getAttribute('data-accuracy'));
  expect(testAccuracy).toBeGreaterThan(0.8);
  await expect(summary).toHaveAttribute('data-accuracy', String(testAccuracy));
  await expect(result).toContainText('· 2,000 images');

  await view.getByText(/^Validation/).click();
  await expect(summary).toHaveAttribute('data-evaluated', '1000', { timeout: 30_000 });
  await shoot(page, 'mistakes-1280x800');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  await shoot(page, 'mistakes-1920x1080');
});
