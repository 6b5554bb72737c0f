import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';

/** The password input (its show/hide button also mentions "Wachtwoord"). */
const passwordInput = (page: Page) => page.locator('input[autocomplete="current-password"]');

async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await passwordInput(page).fill(password);
  await page.getByRole('button', { name: 'Verder' }).click();
}

describe.skipIf(!hasChromium)('login, second factor and my account in Chromium', () => {
  const e2e = useE2e();

  it('logs in with password and a TOTP code, and lands in the app logged in; login and code pages pass axe', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByRole('link', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await fillLogin(page, 'hulpverlener@samenplan.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Code uit je app' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aanmelden/code');
    // The focus is on the step's heading, so screen readers start there.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const code = page.getByLabel('Code van 6 cijfers');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await expectNoSeriousA11yViolations(page);

    await code.fill(totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByRole('button', { name: /Ruben Claeys/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Aanmelden' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in Dutch that the password is wrong, and stays on the login page', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl + '/aanmelden');
    await fillLogin(page, 'clb@samenplan.demo', 'dit-is-niet-het-wachtwoord');
    const alert = page.getByRole('alert').filter({ hasText: 'Dit e-mailadres en wachtwoord passen niet bij elkaar' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    expect(await passwordInput(page).inputValue()).toBe('');
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it('sets up the second factor for an account without one: QR code, first code, recovery codes', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl + '/aanmelden');
    await fillLogin(page, 'nieuw@samenplan.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Je tweede stap instellen' }).waitFor();
    // No time now: stop and log out, and come back later.
    await page.getByRole('button', { name: 'Stoppen en afmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/aanmelden');
    expect((await (await page.request.get(e2e.baseUrl + '/api/auth/session')).json()).data).toBeNull();
    await fillLogin(page, 'nieuw@samenplan.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Je tweede stap instellen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aanmelden/instellen');
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    const shown = await page.getByTestId('totp-secret').innerText();
    expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    // On the phone itself: the otpauth:// link opens the app, and the key can be copied.
    const open = page.getByRole('link', { name: 'Openen in je authenticatie-app' });
    const href = (await open.getAttribute('href')) ?? '';
    expect(href).toMatch(/^otpauth:\/\/totp\/Samenplan:/);
    expect(new URL(href).searchParams.get('secret')).toBe(shown.replace(/\s/g, ''));
    await page.getByRole('button', { name: 'Kopieer de sleutel' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Code van 6 cijfers').fill(totpCode(shown.replace(/\s/g, ''), new Date()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je herstelcodes' }).waitFor();
    await page.getByText('Bewaar deze codes nu').waitFor();
    const codes = await page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    expect(await page.getByRole('button', { name: 'Kopieer' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByRole('button', { name: /Wout Peeters/ }).waitFor();
    await context.close();
  });

  it('shows my sessions on Mijn account, logs out, and then /account leads to the login page', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Asking for /account first: after logging in, the app returns there.
    await page.goto(e2e.baseUrl + '/account');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/account');
    await fillLogin(page, 'coordinator@samenplan.demo', DEMO_PASSWORD);
    await page.getByLabel('Code van 6 cijfers').fill(totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');

    // Also through the menu in the top bar.
    await page.goto(e2e.baseUrl + '/');
    await page.getByRole('button', { name: /Jonas Vandamme/ }).click();
    await page.getByRole('menuitem', { name: 'Mijn account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByText('coordinator@samenplan.demo').waitFor();

    const table = page.getByRole('table', { name: 'Waar je aangemeld bent' });
    await table.getByText('Deze sessie').waitFor();
    const lastActive = await table.getByRole('row').nth(1).getByRole('cell').nth(2).innerText();
    expect(lastActive).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: /Jonas Vandamme/ }).click();
    await page.getByRole('menuitem', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByRole('link', { name: 'Aanmelden' }).waitFor();

    await page.goto(e2e.baseUrl + '/account');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    await context.close();
  });

  it('makes new recovery codes on Mijn account after confirming the code again', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl + '/account');
    await fillLogin(page, 'clb@samenplan.demo', DEMO_PASSWORD);
    await page.getByLabel('Code van 6 cijfers').fill(totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tweede stap' }).waitFor();
    await page.getByRole('button', { name: 'Naar een nieuwe telefoon verhuizen' }).waitFor();

    await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    const dialog = page.getByRole('dialog');
    // The step-up asks the code again; the next step's code (the login used this one).
    await dialog.getByLabel('Code van 6 cijfers').fill(totpCode(DEMO_TOTP_SECRET, new Date(Date.now() + 30_000)));
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    const codes = page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByText('De vorige werken niet meer.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
