import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startSmtpPeer, type ReceivedMail } from '../helpers/smtp.js';
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

export interface E2eWithMail extends E2e {
  /** Every mail the server sent so far (to a real SMTP peer on loopback), oldest first. */
  readonly mails: ReceivedMail[];
}

/**
 * `useE2e()` with a real SMTP peer: the server sends its mail (login codes, reset links,
 * confirmations) to a peer started before it and stopped after it. Read them with the helpers of
 * tests/helpers/smtp.ts, e.g. `await waitForMailLink(e2e.mails, email, '/wachtwoord-herstellen')`.
 */
export function useE2eWithMail(): E2eWithMail {
  let peer: Awaited<ReturnType<typeof startSmtpPeer>> | undefined;
  const e2e = useE2e({
    before: async () => {
      peer = await startSmtpPeer();
      return { SMTP_URL: peer.url };
    },
    after: async () => {
      await peer?.close();
    },
  });
  return {
    get baseUrl() {
      return e2e.baseUrl;
    },
    get browser() {
      return e2e.browser;
    },
    page: (options) => e2e.page(options),
    get mails() {
      if (!peer) throw new Error('SMTP peer not started (use e2e.mails inside a test)');
      return peer.mails;
    },
  };
}
