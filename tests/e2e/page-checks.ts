/**
 * Shared helpers for the accessibility and layout specs: the routes to visit, presenter mode set
 * before the app loads, a tiny CPU training run so the studio's views have content, and readers
 * for what axe-core reports and what a page draws (text sizes, width, the studio's tabs).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { course } from '../../lessons/course';
import { expect } from './fixtures';
import { openStudioWith } from './studio-shared-link';

/** The outline, every lesson in the course and the own-images page, as hash routes (the studio has its own checks). */
export const PAGE_ROUTES: readonly string[] = ['/#/', ...course.map((l) => `/#/lesson/${l.id}`), '/#/own-images'];

/** Sets the persisted settings (presenter mode) before any of the app's scripts run. */
export async function usePresenter(page: Page, presenter: boolean): Promise<void> {
  const settings = JSON.stringify({ state: { presenter, shortcuts: true }, version: 1 });
  await page.addInitScript((value) => localStorage.setItem('convlab-settings', value), settings);
}

/** Opens a route and waits until its content (the outline's cards, a lesson's sections, a heading) is in. */
export async function openRoute(page: Page, route: string): Promise<void> {
  await page.goto(route);
  const selector = route === '/#/' ? '.lesson-card' : route.startsWith('/#/lesson/') ? '.lesson-section' : 'main h1';
  const content = page.locator(selector).first();
  await expect(content).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
}

/** One line per serious or critical axe-core violation on the page as it is now. */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      return `${where}: ${v.id} (${v.impact}, ${v.nodes.length} node(s): ${targets.join(' | ')}) ${v.help}`;
    });
}

/** Conv, pool, dense: one epoch of the embedded MNIST subset trains in seconds on the CPU engine. */
const TINY = {
  name: 'Tiny check net',
  layers: [
    { type: 'input', shape: [1, 28, 28] },
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10 },
  ],
};

/** Opens the studio on a tiny net and trains it for its one epoch, so every view has content. */
export async function studioAfterTinyRun(page: Page): Promise<void> {
  await openStudioWith(page, TINY);
  await page.getByRole('button', { name: /^Start/ }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
  await expect(page.getByTestId('val-accuracy')).not.toHaveAttribute('data-value', '');
}

/** The tabs of one tab list, by its accessible name ("Set-up", "Inside the network", "Shown view"). */
export function tabsOf(page: Page, list: string): Locator {
  return page.getByRole('tablist', { name: list }).getByRole('tab');
}

/**
 * Selects a tab and waits until its panel stops changing (views fetch from the worker when they
 * open), so a check sees the view as a student would, not half drawn.
 */
export async function openTab(tab: Locator): Promise<string> {
  const name = (await tab.textContent()) ?? '';
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = tab.page().locator(`[id="${await tab.getAttribute('aria-controls')}"]`);
  let previous = '';
  await expect
    .poll(
      async () => {
        const now = await panel.innerHTML();
        const same = now === previous;
        previous = now;
        return same;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(true);
  return name;
}

/**
 * Every rendered text in the page drawn under `min` pixels, as "size px <tag class> text" lines.
 * SVG text is measured as drawn: its font size times the scale its viewBox is drawn at.
 */
export function textUnder(page: Page, min: number): Promise<string[]> {
  return page.evaluate((floor) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || el.closest('.visually-hidden, title, script, style')) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      let size = Number.parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < floor - 0.01) {
        out.push(
          `${size.toFixed(1)}px <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${text.slice(0, 40)}`,
        );
      }
    }
    return out;
  }, min);
}

/** The document's width against the window's, and the elements that reach past its right edge. */
export function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const culprits: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const right = el.getBoundingClientRect().right;
      // Boxes that reach past the window and are not inside a box that scrolls or clips them.
      if (right > root.clientWidth + 1 && !clipped(el)) {
        culprits.push(
          `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right edge ${Math.round(right)}px`,
        );
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: culprits.slice(0, 6) };
  });
}
