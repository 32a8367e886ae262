import { expect, test } from './fixtures';
import {
  openRoute,
  openTab,
  PAGE_ROUTES,
  seriousViolations,
  studioAfterTinyRun,
  tabsOf,
  usePresenter,
} from './page-checks';

/*
 * axe-core on every route (the outline, every lesson in lessons/course.ts, own images) and on every tab of
 * the studio after a tiny CPU training run, in the normal layout at 1280x800 and in presenter mode
 * at 1920x1080: no serious and no critical violation. Each test lists every violation it found in
 * one failure message.
 */
const MODES = [
  { name: 'normal', presenter: false, viewport: { width: 1280, height: 800 } },
  { name: 'presenter', presenter: true, viewport: { width: 1920, height: 1080 } },
] as const;

for (const mode of MODES) {
  test.describe(`${mode.name} mode`, () => {
    test.use({ viewport: mode.viewport });
    test.beforeEach(async ({ page }) => {
      await usePresenter(page, mode.presenter);
    });

    // One test per page, so a loaded machine slows each a little rather than one long test a lot.
    for (const route of PAGE_ROUTES) {
      test(`${route} has no serious or critical axe violations (${mode.name})`, async ({ page }) => {
        await openRoute(page, route);
        const found = await seriousViolations(page, route);
        expect(found, found.join('\n')).toEqual([]);
      });
    }

    test(`every studio tab has no serious or critical axe violations after a run (${mode.name})`, async ({ page }) => {
      test.setTimeout(360_000);
      await studioAfterTinyRun(page);
      const found = await seriousViolations(page, 'studio');
      // The presenter layout shows one view at a time on its stage; the normal one has an inspector.
      const views = mode.presenter ? 'Shown view' : 'Inside the network';
      for (const list of ['Set-up', views]) {
        const tabs = tabsOf(page, list);
        const count = await tabs.count();
        expect(count, `tabs in "${list}"`).toBeGreaterThan(3);
        for (let i = 0; i < count; i++) {
          const name = await openTab(tabs.nth(i));
          found.push(...(await seriousViolations(page, `studio, ${list} tab "${name}"`)));
        }
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  });
}

test('with single-key shortcuts off, no key hint offers them; the Alt chords stay listed', async ({ page }) => {
  await page.goto('/#/');
  const header = page.locator('.app-header');
  await expect(header.locator('kbd')).toHaveText(['P', 'F']);
  await page.getByRole('checkbox', { name: 'Single-key shortcuts' }).uncheck();
  await expect(header.locator('kbd')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Presenter/ })).not.toHaveAttribute('title', /shortcut/);
  await expect(page.locator('.app-footer kbd')).toHaveText(['Alt+←', 'Alt+→']);
});

test('Shift+Tab back up a lesson never leaves the focused control under the sticky header', async ({ page }) => {
  await openRoute(page, '/#/lesson/convolution');
  // From the end of the lesson, walk focus backwards through its widgets and links.
  await page.locator('.lesson-nav a').last().focus();
  const hidden: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Shift+Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      const header = document.querySelector('.app-header');
      if (!(el instanceof HTMLElement) || !header || el === document.body || header.contains(el)) return null;
      return { top: el.getBoundingClientRect().top, under: header.getBoundingClientRect().bottom, what: el.outerHTML };
    });
    if (where && where.top < where.under - 1) {
      hidden.push(`top ${Math.round(where.top)} < header ${Math.round(where.under)}: ${where.what.slice(0, 80)}`);
    }
  }
  expect(hidden, hidden.join('\n')).toEqual([]);
});
