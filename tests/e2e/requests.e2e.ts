import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';
import { loginDemo as login } from './demo-login.js';

const SLOW = 180_000;
const SHOTS = process.env.E2E_SCREENSHOTS;

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string, type?: string) {
  const input = page.getByRole('textbox', { name: new RegExp(`^${label}`) }).or(page.getByRole('combobox', { name: new RegExp(`^${label}`) })).first();
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe.skipIf(!hasChromium)('request board in Chromium', () => {
  const e2e = useE2e();

  it('a coordinator registers a request and assigns a contact person (1280 px), and reads the board on a phone (360 px)', async () => {
    const page = await e2e.page({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/aanmeldingen`);
    await login(page, 'coordinator@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Aanmeldingen' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanmeldingen' }).waitFor();
    await page.getByRole('table', { name: 'Open aanmeldingen' }).waitFor();
    await page.getByTestId('count-overdue').filter({ hasNotText: '…' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/board-1280.png`, fullPage: true });

    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe aanmelding registreren' }).waitFor();
    // Submitting empty says what is missing, next to the fields.
    await page.getByRole('button', { name: 'Aanmelding registreren' }).click();
    await page.getByText('Vul dit in.').first().waitFor();
    const name = `Gezin E2E ${Date.now().toString(36)}`;
    await page.getByLabel('Naam van het gezin').fill(name);
    await page.getByLabel('De vraag, in de woorden van het gezin').fill('Onze dochter slaapt slecht en wil niet meer naar school.');
    await choose(page, 'Via', 'CLB');
    await choose(page, 'Gemeente', 'Brugge', 'Brug');
    await expectNoSeriousA11yViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/new-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Aanmelding registreren' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('button', { name: 'Start triage' }).click();
    await page.getByRole('button', { name: 'Aanspreekpunt toewijzen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aanspreekpunt toewijzen' });
    await dialog.getByLabel('Naam van de hulpverlener').fill('Ruben');
    await dialog.getByRole('radio', { name: /Ruben Claeys/ }).check();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Toewijzen' }).click();
    await page.getByText('Ruben Claeys (Jeugdhulp Kustlijn vzw)').waitFor();
    await page.getByRole('link', { name: /Open het gezin G-/ }).waitFor();
    await page.getByRole('button', { name: 'Eerste contact registreren' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/detail-1280.png`, fullPage: true });

    // On a phone: cards instead of the table, the new request among them.
    const phone = await e2e.page({ viewport: { width: 360, height: 740 } });
    await phone.goto(`${e2e.baseUrl}/aanmeldingen`);
    await login(phone, 'coordinator@samenplan.demo');
    await phone.getByRole('link', { name }).waitFor();
    expect(await phone.getByRole('table').count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoSeriousA11yViolations(phone);
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/board-360.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
