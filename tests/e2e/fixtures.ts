/**
 * Shared Playwright fixtures. Every spec imports `test` and `expect` from here, so any console
 * error or uncaught page error fails the test that caused it (auto fixture). A spec that provokes
 * an error on purpose (e.g. a missing data file) lists the messages it expects with
 * `test.use({ expectedConsoleErrors: [/pattern/] })`.
 */
import { test as base, expect } from '@playwright/test';

interface Options {
  /** Console error messages that this test provokes deliberately. */
  readonly expectedConsoleErrors: readonly RegExp[];
}

interface Fixtures {
  readonly failOnConsoleErrors: undefined;
}

export const test = base.extend<Options & Fixtures>({
  expectedConsoleErrors: [[], { option: true }],
  failOnConsoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!expectedConsoleErrors.some((re) => re.test(text))) errors.push(`console.error: ${text}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await use(undefined);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
