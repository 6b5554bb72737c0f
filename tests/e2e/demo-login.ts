import type { BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';

const STEP_MS = 30_000;

/**
 * A TOTP code is accepted once per 30-second step per account: remember the last step used for
 * each demo account, and wait for the next step when it was already used (up to half a minute).
 */
const lastStep = new Map<string, number>();
export async function freshDemoCode(email: string): Promise<string> {
  const used = lastStep.get(email) ?? -1;
  let step = Math.floor(Date.now() / STEP_MS);
  if (step <= used) {
    await new Promise((resolve) => setTimeout(resolve, (used + 1) * STEP_MS - Date.now() + 250));
    step = Math.floor(Date.now() / STEP_MS);
  }
  lastStep.set(email, step);
  return totpCode(DEMO_TOTP_SECRET, new Date(step * STEP_MS + 1_000));
}

/** Logs a demo account in on the login page the app sent us to, and waits until we are back. */
export async function loginDemo(page: Page, email: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByLabel('Code van 6 cijfers').fill(await freshDemoCode(email));
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/aanmelden'));
}

/** The browser state (session cookie) of each demo account's login, per server: `${baseUrl} ${email}`. */
const loggedIn = new Map<string, BrowserContextOptions['storageState']>();

/**
 * A new page (closed after the test) at `path`, logged in as a demo account; `errors` collects
 * uncaught page errors (a test expects none). The first time per account and server this logs in on
 * the login page the app sends us to; later calls start from that login's cookies (a second factor is
 * accepted once per 30 s per account, so logging in again would wait for the next code) — unless the
 * session has ended since (logout, expiry), then it logs in again.
 */
export async function openAsDemo(
  e2e: { baseUrl: string; page(options?: BrowserContextOptions): Promise<Page> },
  email: string,
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const key = `${e2e.baseUrl} ${email}`;
  const state = loggedIn.get(key);
  let page = await e2e.page({ viewport, ...(state ? { storageState: state } : {}) });
  if (state && !(await hasFullSession(page, e2e.baseUrl, email))) {
    loggedIn.delete(key);
    page = await e2e.page({ viewport });
  }
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(e2e.baseUrl + path);
  if (!loggedIn.has(key)) {
    await loginDemo(page, email);
    loggedIn.set(key, await page.context().storageState());
  }
  return { page, errors };
}

async function hasFullSession(page: Page, baseUrl: string, email: string): Promise<boolean> {
  const res = await page.request.get(`${baseUrl}/api/auth/session`);
  if (!res.ok()) return false;
  const body = (await res.json()) as { data: { level: string; account: { email: string } } | null };
  return body.data?.level === 'full' && body.data.account.email === email;
}
