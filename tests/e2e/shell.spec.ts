import { course } from '../../lessons/course';
import { expect, test } from './fixtures';

const first = course[0]!;

async function rootFontSize(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
}

test('the outline lists exactly the lessons in lessons/course.ts, in order', async ({ page }) => {
  await page.goto('/');
  const cards = page.locator('.lesson-card');
  await expect(cards).toHaveCount(course.length);
  for (const [i, lesson] of course.entries()) {
    const card = cards.nth(i);
    await expect(card).toHaveAttribute('data-lesson-id', lesson.id);
    await expect(card.getByRole('link', { name: lesson.title })).toBeVisible();
    await expect(card).toContainText(lesson.summary);
    await expect(card).toContainText(`about ${lesson.minutes} min`);
    await expect(card.getByTestId('progress')).toContainText(`0 / ${lesson.exercises.length} exercises`);
  }
});

test('a student can open the first lesson and come back to the outline', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: first.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${first.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  for (const objective of first.objectives) await expect(page.locator('.objectives')).toContainText(objective);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Course outline' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.locator('.lesson-card')).toHaveCount(course.length);
});

test('every table-of-contents entry jumps to a heading that exists', async ({ page }) => {
  await page.goto(`/#/lesson/${first.id}`);
  await expect(page.locator('.lesson-section').first()).toBeVisible();
  for (const section of first.sections) {
    await expect(page.locator(`h2#${section.id}`)).toHaveText(section.title);
  }
  const last = first.sections.at(-1)!;
  await page.locator(`.toc a[data-section="${last.id}"]`).click();
  await expect(page.locator(`h2#${last.id}`)).toBeFocused();
  // The address names the section now (a link to what is on screen).
  await expect(page).toHaveURL(new RegExp(`#/lesson/${first.id}/${last.id}$`));
});

for (const path of ['#/no-such-page', `#/lesson/not-a-lesson`]) {
  test(`an unknown route (${path}) shows a not-found panel with a way home`, async ({ page }) => {
    await page.goto(`/${path}`);
    const panel = page.getByTestId('not-found');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await panel.getByRole('link', { name: 'Go to the course outline' }).click();
    await expect(page.locator('.lesson-card')).toHaveCount(course.length);
  });
}

test('presenter mode enlarges the root font 1.5x and survives a reload', async ({ page }) => {
  await page.goto('/');
  const normal = await rootFontSize(page);
  const toggle = page.getByRole('button', { name: /Presenter/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await rootFontSize(page)).toBeCloseTo(normal * 1.5, 1);
  await page.reload();
  await expect(page.getByRole('button', { name: /Presenter/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await rootFontSize(page)).toBeCloseTo(normal * 1.5, 1);
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: /Presenter/ })).toHaveAttribute('aria-pressed', 'false');
  expect(await rootFontSize(page)).toBeCloseTo(normal, 1);
});

test('single-key shortcuts can be turned off in the footer, and the setting survives a reload', async ({ page }) => {
  const lesson = new RegExp(`#/lesson/${first.id}$`);
  await page.goto(`/#/lesson/${first.id}`);
  const presenter = page.getByRole('button', { name: /Presenter/ });
  const setting = page.getByRole('checkbox', { name: 'Single-key shortcuts' });
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await page.locator('main').focus();
  await page.keyboard.press('p');
  await page.keyboard.press(']');
  await expect(presenter).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(lesson);
  await page.reload();
  await expect(setting).not.toBeChecked();
  await page.keyboard.press('p');
  await expect(presenter).toHaveAttribute('aria-pressed', 'false');
  // Alt+arrows need a modifier, so they stay on.
  const second = course[1];
  if (second) {
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page).toHaveURL(new RegExp(`#/lesson/${second.id}$`));
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(lesson);
  }
  await setting.check();
  await page.locator('main').focus();
  await page.keyboard.press('p');
  await expect(presenter).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(']');
  if (second) await expect(page).toHaveURL(new RegExp(`#/lesson/${second.id}$`));
});

test('F and the header button put the page in full screen and take it out again', async ({ page }) => {
  await page.goto('/#/studio');
  const button = page.getByRole('button', { name: /^Full screen/ });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('f');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
});

test('[ and ] (and Alt+arrows) move between lessons in course order', async ({ page }) => {
  await page.goto(`/#/lesson/${first.id}`);
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  // From the first lesson there is nothing before it: the route must not change.
  await page.keyboard.press('[');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${first.id}$`));
  const second = course[1];
  await page.keyboard.press(']');
  if (second) {
    await expect(page).toHaveURL(new RegExp(`#/lesson/${second.id}$`));
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page).toHaveURL(new RegExp(`#/lesson/${first.id}$`));
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page).toHaveURL(new RegExp(`#/lesson/${second.id}$`));
  } else {
    await expect(page).toHaveURL(new RegExp(`#/lesson/${first.id}$`));
    await expect(page.getByRole('link', { name: /Back to the outline/ })).toBeVisible();
  }
});

test('shortcut keys typed into an answer box stay text', async ({ page }) => {
  await page.goto(`/#/lesson/${first.id}`);
  const input = page.getByLabel('Your answer').first();
  await input.fill('');
  await input.pressSequentially('p[]');
  await expect(input).toHaveValue('p[]');
  await expect(page.getByRole('button', { name: /Presenter/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(new RegExp(`#/lesson/${first.id}$`));
});

test('tensor grids are keyboard navigable with the arrow keys', async ({ page }) => {
  await page.goto(`/#/lesson/${first.id}`);
  const grid = page.getByRole('grid', { name: /Slice at sample 0, channel 0/ });
  await grid.locator('[data-index="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('[data-index="4"]')).toBeFocused();
  await expect(grid.locator('[data-index="4"]')).toHaveAttribute('tabindex', '0');
  await expect(page.getByTestId('flat-index')).toHaveAttribute('data-flat-index', '4');
});

test.describe('when a lesson cannot load', () => {
  // The aborted request and React's report of the caught error are logged; page errors still fail.
  test.use({ expectedConsoleErrors: [/./] });

  test('the error shows in place with a reload button, and the shell keeps working', async ({ page }) => {
    await page.route(/\/assets\/Lesson-[^/]*\.js$/, (route) => route.abort());
    await page.goto(`/#/lesson/${first.id}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Something went wrong in this lesson');
    await expect(alert.getByRole('button', { name: 'Reload this lesson' })).toBeVisible();
    await page.getByRole('link', { name: 'ConvLab home' }).click();
    await expect(page.locator('.lesson-card')).toHaveCount(course.length);
  });
});
