import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openRoute, openTab, overflow, PAGE_ROUTES, studioAfterTinyRun, tabsOf, textUnder } from './page-checks';

/*
 * Layout at the sizes students and instructors use: on phones (390x844, 360x740) no route's page
 * scrolls sideways, the studio included (its panels stack, in presenter mode too); at 1280x800 the whole confusion matrix
 * can be seen at once and the inspector's tabs wrap rather than scroll; at 1920x1080 in presenter
 * mode no text in the studio, on any tab, is drawn under 18 px.
 */
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
] as const;

async function openStudio(page: Page): Promise<void> {
  await page.goto('/#/studio');
  await expect(page.getByTestId('backend-status')).toContainText(/(CPU|WebGPU) engine/, { timeout: 30_000 });
  await expect(page.getByTestId('dataset-info')).toContainText('validate', { timeout: 60_000 });
  await expect(page.getByTestId('network-diagram')).toBeVisible();
}

for (const phone of PHONES) {
  test.describe(`${phone.width}x${phone.height}`, () => {
    test.use({ viewport: phone });

    // One test per page, so a loaded machine slows each a little rather than one long test a lot.
    for (const route of PAGE_ROUTES) {
      test(`${route} is no wider than a ${phone.width} px window`, async ({ page }) => {
        await openRoute(page, route);
        expect(tooWide(await overflow(page), route)).toEqual([]);
      });
    }

    test(`the studio is no wider than a ${phone.width} px window, in presenter mode too`, async ({ page }) => {
      await openStudio(page);
      const wide = tooWide(await overflow(page), 'studio');
      // The studio's presenter layout stacks on a phone as well.
      await page.getByRole('button', { name: /^Presenter/ }).click();
      await expect(page.getByTestId('studio-stage')).toBeVisible();
      wide.push(...tooWide(await overflow(page), 'studio, presenter'));
      expect(wide, wide.join('\n')).toEqual([]);
    });
  });
}

type Overflow = Awaited<ReturnType<typeof overflow>>;

/** The page in words when it scrolls sideways; nothing when it fits. */
function tooWide(o: Overflow, where: string): string[] {
  return o.scrollWidth > o.clientWidth
    ? [`${where}: ${o.scrollWidth} px wide in ${o.clientWidth} px; ${o.culprits.join(', ')}`]
    : [];
}

/** Every row of the table lies inside the window and inside every box around it that clips. */
function rowsInView(page: Page): Promise<{ rows: number; seen: number }> {
  return page.getByTestId('confusion-matrix').evaluate((table) => {
    const rows = [...table.querySelectorAll('tbody tr')];
    const clips: DOMRect[] = [new DOMRect(0, 0, window.innerWidth, window.innerHeight)];
    for (let el = table.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clips.push(el.getBoundingClientRect());
    }
    const inside = (r: DOMRect): boolean => clips.every((c) => r.top >= c.top - 1 && r.bottom <= c.bottom + 1);
    return { rows: rows.length, seen: rows.filter((row) => inside(row.getBoundingClientRect())).length };
  });
}

test('the confusion matrix fits at 1280x800, and presenter mode draws no studio text under 18 px at 1920x1080', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await studioAfterTinyRun(page);

  // Normal layout: the inspector's tabs wrap onto more rows instead of scrolling sideways...
  const inspectorTabs = page.getByRole('tablist', { name: 'Inside the network' });
  const tabRow = await inspectorTabs.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(tabRow.scroll, 'the inspector tab row scrolls sideways').toBeLessThanOrEqual(tabRow.client);
  // ...and the whole 10x10 confusion matrix can be seen at once.
  await openTab(inspectorTabs.getByRole('tab', { name: 'Confusion matrix' }));
  await page.getByTestId('confusion-matrix').scrollIntoViewIfNeeded();
  expect(await rowsInView(page)).toEqual({ rows: 10, seen: 10 });

  // Presenter mode at a projector's size: one view at a time on the stage, every label large.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: /^Presenter/ }).click();
  await expect(page.getByTestId('studio-stage')).toBeVisible();
  const small: string[] = [];
  for (const list of ['Shown view', 'Set-up']) {
    const tabs = tabsOf(page, list);
    const count = await tabs.count();
    expect(count, `tabs in "${list}"`).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      const name = await openTab(tabs.nth(i));
      for (const line of await textUnder(page, 18)) small.push(`${list} tab "${name}": ${line}`);
    }
  }
  expect(small, `text under 18 px:\n${small.join('\n')}`).toEqual([]);
  // The stage's tab row wraps too.
  const stageRow = await page
    .getByRole('tablist', { name: 'Shown view' })
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(stageRow.scroll).toBeLessThanOrEqual(stageRow.client);
});
