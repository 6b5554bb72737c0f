import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, launchBrowser, startServer } from './browser.js';

export { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium };

export interface E2e {
  /** The real server (`samenplan serve --demo-if-empty`) on a database of its own. */
  readonly baseUrl: string;
  /** Debian's Chromium, headless. */
  readonly browser: Browser;
  /** A page in a new browser context (closed after the test), e.g. `await e2e.page({ viewport: { width: 360, height: 740 } })`. */
  page(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The one e2e fixture: call it at the top of a `describe.skipIf(!hasChromium)(…)`. It starts the
 * server and the browser before the tests of that block, and stops both after them.
 * `before` runs first and may return extra environment for the server (an SMTP peer's URL, say);
 * `after` runs last.
 *
 *   describe.skipIf(!hasChromium)('my screens in Chromium', () => {
 *     const e2e = useE2e();
 *     it('shows the list', async () => {
 *       const page = await e2e.page({ viewport: { width: 1280, height: 800 } });
 *       await page.goto(`${e2e.baseUrl}/beheer`);
 *     });
 *   });
 */
export function useE2e(opts: { before?: () => Promise<Record<string, string> | undefined>; after?: () => Promise<void> } = {}): E2e {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    const env = (await opts.before?.()) ?? {};
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await opts.after?.();
  });

  return {
    get baseUrl() {
      if (!server) throw new Error('e2e server not started (use e2e inside a test)');
      return server.baseUrl;
    },
    get browser() {
      if (!browser) throw new Error('e2e browser not started (use e2e inside a test)');
      return browser;
    },
    async page(options = {}) {
      const context = await this.browser.newContext(options);
      open.push(context);
      return context.newPage();
    },
  };
}
