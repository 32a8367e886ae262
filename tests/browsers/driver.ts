/**
 * The little a smoke test needs from a browser, behind one interface so the same steps drive
 * Firefox (over WebDriver BiDi, puppeteer-core) and WebKitGTK (classic WebDriver over HTTP).
 * Steps talk to the page only through `evaluate` of a function body: no selectors engine, no
 * auto-waiting, so each driver stays a few lines and behaves the same.
 */
export interface SmokeDriver {
  readonly name: string;
  goto(url: string): Promise<void>;
  /** Runs `body` (the text of a function body that may `return` a JSON value) in the page. */
  evaluate<T>(body: string): Promise<T>;
  /** Errors the page reported (console errors, uncaught exceptions) since the driver started. */
  errors(): Promise<readonly string[]>;
  close(): Promise<void>;
}

/**
 * Installed in the page after each navigation where the driver cannot hook the console before
 * load (classic WebDriver): records later console errors and uncaught exceptions.
 */
export const ERROR_RECORDER = `
  if (!window.__smokeErrors) {
    window.__smokeErrors = [];
    const original = console.error.bind(console);
    console.error = (...args) => { window.__smokeErrors.push(args.map(String).join(' ')); original(...args); };
    window.addEventListener('error', (e) => window.__smokeErrors.push(String(e.message)));
    window.addEventListener('unhandledrejection', (e) => window.__smokeErrors.push(String(e.reason)));
  }
  return true;
`;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `body` in the page until it returns a truthy value; the last value is in the error. */
export async function waitFor<T>(driver: SmokeDriver, body: string, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      last = await driver.evaluate<T>(body);
      if (last) return last as T;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${driver.name}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
