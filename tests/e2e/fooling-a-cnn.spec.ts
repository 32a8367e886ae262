/**
 * The fooling lesson: train the small net in its worker (seed 1, CPU engine in headless Chromium),
 * then drive the FGSM widget. The perturbation the page shows is checked pixel by pixel against
 * epsilon (each pixel moved by exactly ±ε unless the clip to [0, 1] stopped it), the loss after
 * against the loss before, and the "smallest ε" search against the predictions on either side of
 * the ε it reports. Then the exercises, recomputed here from their parameters.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSON = '/#/lesson/fooling-a-cnn';
const STEP = 0.01;

async function params(ex: Locator): Promise<Record<string, number | string>> {
  return JSON.parse((await ex.getAttribute('data-params')) ?? '{}') as Record<string, number | string>;
}

async function answer(ex: Locator, text: string): Promise<void> {
  await ex.getByLabel('Your answer').fill(text);
  await ex.getByLabel('Your answer').press('Enter');
}

/** Moves the slider to k steps of 0.01 with the keyboard, and waits for that epsilon's answer. */
async function setEpsilon(page: Page, fgsm: Locator, k: number): Promise<number> {
  const slider = fgsm.getByRole('slider');
  const eps = Number((k * STEP).toFixed(2));
  // Just after training the widget may still be settling on its first correctly classified image
  // and re-render the slider, which drops focus and the key presses with it: press again then.
  await expect(async () => {
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < k; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue(String(eps), { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(fgsm).toHaveAttribute('data-epsilon', String(eps), { timeout: 30_000 });
  return eps;
}

async function numbers(fgsm: Locator, name: string): Promise<number[]> {
  return JSON.parse((await fgsm.getAttribute(name)) ?? '[]') as number[];
}

test('FGSM on the trained net: ±ε perturbations, a higher loss, and an ε that flips the answer', async ({ page }) => {
  test.setTimeout(480_000);
  await page.goto(LESSON);
  const train = page.getByTestId('fooling-train');
  await expect(train).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await train.getByRole('button', { name: 'Train' }).click();
  await expect(train).toHaveAttribute('data-status', 'done', { timeout: 300_000 });
  expect(Number(await train.getAttribute('data-first-loss'))).toBeGreaterThan(
    Number(await train.getAttribute('data-last-loss')) + 0.5,
  );

  const fgsm = page.getByTestId('fgsm');
  // The widget starts on an image the trained net gets right.
  await expect(fgsm).toHaveAttribute('data-pred-before', /\d/, { timeout: 60_000 });
  expect(await fgsm.getAttribute('data-pred-before')).toBe(await fgsm.getAttribute('data-label'));

  // ε = 0 changes nothing.
  await setEpsilon(page, fgsm, 0);
  expect((await numbers(fgsm, 'data-perturbation')).every((v) => v === 0)).toBe(true);
  expect(Number(await fgsm.getAttribute('data-loss-after'))).toBeCloseTo(
    Number(await fgsm.getAttribute('data-loss-before')),
    6,
  );

  for (const k of [3, 12, 25]) {
    const eps = await setEpsilon(page, fgsm, k);
    const original = await numbers(fgsm, 'data-original');
    const perturbation = await numbers(fgsm, 'data-perturbation');
    expect(perturbation).toHaveLength(784);
    let full = 0;
    perturbation.forEach((v, i) => {
      const x = original[i]!;
      const after = x + v;
      expect(Math.abs(v)).toBeLessThanOrEqual(eps + 1e-5);
      expect(after).toBeGreaterThanOrEqual(-1e-5);
      expect(after).toBeLessThanOrEqual(1 + 1e-5);
      if (Math.abs(Math.abs(v) - eps) < 1e-5) full++;
      // Anything short of ±ε is the clip at 0 or 1 (or a pixel whose gradient is exactly zero).
      else expect(v === 0 || Math.abs(after) < 1e-5 || Math.abs(after - 1) < 1e-5).toBe(true);
    });
    expect(full).toBeGreaterThan(50);
    await expect(page.getByTestId('fgsm-epsilon')).toHaveText(eps.toFixed(2));
    expect(Number(await fgsm.getAttribute('data-loss-after'))).toBeGreaterThan(
      Number(await fgsm.getAttribute('data-loss-before')),
    );
  }

  // The search: the reported ε flips the answer and the step below it does not.
  let found = false;
  for (let tries = 0; tries < 6 && !found; tries++) {
    await fgsm.getByRole('button', { name: /smallest/ }).click();
    await expect(fgsm).toHaveAttribute('data-search', /found|none/, { timeout: 120_000 });
    if ((await fgsm.getAttribute('data-search')) === 'none') {
      await fgsm.getByRole('button', { name: 'Next image' }).click();
      continue;
    }
    found = true;
    const flip = Number(await fgsm.getAttribute('data-flip-epsilon'));
    const label = await fgsm.getAttribute('data-label');
    await expect(fgsm).toHaveAttribute('data-epsilon', String(flip));
    expect(await fgsm.getAttribute('data-pred-after')).not.toBe(label);
    await expect(page.getByTestId('fgsm-after')).not.toHaveText(label!);
    const k = Math.round(flip / STEP);
    if (k > 1 && (await fgsm.getAttribute('data-pred-before')) === label) {
      await setEpsilon(page, fgsm, k - 1);
      await expect(fgsm).toHaveAttribute('data-pred-after', label!);
    }
  }
  expect(found, 'some image among the first few is flipped by an ε up to 0.3').toBe(true);
});

test('exercises accept answers computed from their parameters and reject wrong ones', async ({ page }) => {
  await page.goto(LESSON);
  const change = page.locator('[data-exercise="linear-change"]');
  const c = await params(change);
  const w = String(c.w).split(' ').map(Number);
  const eps = Number(c.eps);
  const l1 = w.reduce((s, v) => s + Math.abs(v), 0);
  await answer(change, String(eps * w.reduce((s, v) => s + v, 0) + 1000)); // clearly wrong
  await expect(change.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(change, String(eps * l1));
  await expect(change.getByRole('status')).toHaveAttribute('data-result', 'right');

  const many = page.locator('[data-exercise="many-pixels"]');
  const m = await params(many);
  await answer(many, String(Number(m.eps) * Number(m.m) * Number(m.n)));
  await expect(many.getByRole('status')).toHaveAttribute('data-result', 'right');

  const score = page.locator('[data-exercise="linear-score"]');
  const s = await params(score);
  const ws = String(s.w).split(' ').map(Number);
  const xs = String(s.x).split(' ').map(Number);
  const before = ws.reduce((acc, v, i) => acc + v * xs[i]!, Number(s.b));
  const after = before - Number(s.eps) * ws.reduce((acc, v) => acc + Math.abs(v), 0);
  await answer(score, `${before} ${before}`);
  await expect(score.getByRole('status')).toHaveAttribute('data-result', 'wrong');
  await answer(score, `${before} ${after}`);
  await expect(score.getByRole('status')).toHaveAttribute('data-result', 'right');
  await expect(score).toHaveAttribute('data-done', 'true');
});
