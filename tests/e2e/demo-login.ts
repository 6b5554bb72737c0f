import type { Page } from 'playwright-core';
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

/**
 * A new page (closed after the test) at `path`, logged in as a demo account on the login page the
 * app sends us to; `errors` collects uncaught page errors (a test expects none).
 */
export async function openAsDemo(
  e2e: { baseUrl: string; page(options?: { viewport: { width: number; height: number } }): Promise<Page> },
  email: string,
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.page({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(e2e.baseUrl + path);
  await loginDemo(page, email);
  return { page, errors };
}
