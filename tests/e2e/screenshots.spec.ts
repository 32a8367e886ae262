/**
 * Not assertions: saves screenshots of the outline and every lesson for a person to look at,
 * at a laptop size, at a projector size with presenter mode on, and at a phone size. Output: screenshots/ (gitignored).
 */
import { course } from '../../lessons/course';
import { expect, test } from './fixtures';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800, presenter: false },
  { name: '1920x1080-presenter', width: 1920, height: 1080, presenter: true },
  { name: '390x844-phone', width: 390, height: 844, presenter: false },
] as const;

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    test.beforeEach(async ({ page }) => {
      const settings = JSON.stringify({ state: { presenter: size.presenter }, version: 1 });
      await page.addInitScript((value) => localStorage.setItem('convlab-settings', value), settings);
    });

    test('outline', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('.lesson-card')).toHaveCount(course.length);
      await page.screenshot({ path: `screenshots/${size.name}/outline.png` });
    });

    for (const lesson of course) {
      test(`lesson ${lesson.id}`, async ({ page }) => {
        await page.goto(`/#/lesson/${lesson.id}`);
        await expect(page.locator('.lesson-section').first()).toBeVisible();
        await expect(page.locator('.loading')).toHaveCount(0);
        await page.screenshot({ path: `screenshots/${size.name}/${lesson.id}.png` });
        await page.screenshot({ path: `screenshots/${size.name}/${lesson.id}-full.png`, fullPage: true });
        // One image per section as well: a full page is too tall to review at a readable scale.
        // The sticky header would be painted over element shots, so let it scroll away here.
        await page.addStyleTag({ content: '.app-header { position: static; }' });
        for (const [i, section] of lesson.sections.entries()) {
          const shot = `screenshots/${size.name}/${lesson.id}-${String(i + 1).padStart(2, '0')}-${section.id}.png`;
          await page.locator('.lesson-section', { has: page.locator(`h2#${section.id}`) }).screenshot({ path: shot });
        }
      });
    }
  });
}
