// A button that turns itself off must not drop keyboard focus to the page body (WCAG 2.4.3).
import { expect, test } from './fixtures';

test('pressing the last Step and then Reset with the keyboard keeps focus in the step controls', async ({ page }) => {
  await page.goto('/#/lesson/convolution');
  const w = page.getByTestId('sliding-window');
  const controls = w.getByRole('toolbar');
  const counter = controls.locator('.step-counter');
  const stepButton = controls.getByRole('button', { name: 'Step ▶' });
  await expect(counter).toHaveText(/ 1 of 4$/);
  await stepButton.focus();
  for (const n of [2, 3, 4]) {
    await page.keyboard.press('Enter');
    await expect(counter).toHaveText(new RegExp(` ${n} of 4$`));
  }
  await expect(stepButton).toBeDisabled(); // aria-disabled: announced as unavailable...
  const focusInControls = (): Promise<boolean> =>
    page.evaluate(() => document.activeElement?.closest('[role="toolbar"]') !== null);
  expect(await focusInControls()).toBe(true); // ...but still holding focus
  await expect(stepButton).toBeFocused();
  // Pressing it again does nothing.
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(/ 4 of 4$/);

  const reset = controls.getByRole('button', { name: 'Reset' });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(counter).toHaveText(/ 1 of 4$/);
  await expect(reset).toBeDisabled();
  expect(await focusInControls()).toBe(true);
  await expect(reset).toBeFocused();
});
