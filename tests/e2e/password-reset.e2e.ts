import { describe, expect, it } from 'vitest';
import { DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { waitForMailLink } from '../helpers/smtp.js';
import { expectNoSeriousA11yViolations, hasChromium, useE2eWithMail } from './fixture.js';

const EMAIL = 'hulpverlener@samenplan.demo';
const NEW_PASSWORD = 'paarse olifant fietst traag naar Gent';

describe.skipIf(!hasChromium)('password reset by mail in Chromium', () => {
  const e2e = useE2eWithMail();

  it('asks a reset link from the login page, follows the link in the mail, sets a new password and logs in with the code', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(e2e.baseUrl + '/aanmelden');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wachtwoord-vergeten');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoSeriousA11yViolations(page);

    // An empty address is refused in Dutch, next to the field.
    await page.getByRole('button', { name: 'Stuur de mail' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vul je e-mailadres in.' }).waitFor();

    await page.getByLabel('E-mailadres').fill(EMAIL);
    await page.getByRole('button', { name: 'Stuur de mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kijk in je mailbox' }).waitFor();
    await page.getByText(`Als ${EMAIL} bij ons bekend is, krijg je binnen enkele minuten een mail`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoSeriousA11yViolations(page);

    const link = await waitForMailLink(e2e.mails, EMAIL, '/wachtwoord-herstellen');
    await page.goto(e2e.baseUrl + link);
    await page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' }).waitFor();
    // The token leaves the address bar (and so the history) at once.
    expect(new URL(page.url()).hash).toBe('');
    expect(new URL(page.url()).pathname).toBe('/wachtwoord-herstellen');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoSeriousA11yViolations(page);

    const fields = page.locator('input[autocomplete="new-password"]');
    // Two different passwords are caught before anything is sent.
    await fields.nth(0).fill(NEW_PASSWORD);
    await fields.nth(1).fill(NEW_PASSWORD + '!');
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('alert').filter({ hasText: 'De twee wachtwoorden zijn niet hetzelfde.' }).waitFor();

    await fields.nth(1).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Code uit je app' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/aanmelden/code');

    await page.getByLabel('Code van 6 cijfers').fill(totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByRole('button', { name: /Ruben Claeys/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();

    // The link works only once.
    const again = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const second = await again.newPage();
    await second.goto(e2e.baseUrl + link);
    await second.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' }).waitFor();
    const secondFields = second.locator('input[autocomplete="new-password"]');
    await secondFields.nth(0).fill(NEW_PASSWORD + ' opnieuw');
    await secondFields.nth(1).fill(NEW_PASSWORD + ' opnieuw');
    await second.getByRole('button', { name: 'Opslaan en verder' }).click();
    await second.getByRole('heading', { level: 1, name: 'Deze link werkt niet' }).waitFor();
    await second.getByRole('alert').filter({ hasText: 'Deze link werkt niet meer' }).waitFor();
    await again.close();
  });

  it('says in Dutch that an invalid link does not work, and offers to ask a new one', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl + '/wachtwoord-herstellen#dit-is-geen-geldige-herstel-token-1234567890');
    await page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' }).waitFor();
    const fields = page.locator('input[autocomplete="new-password"]');
    await fields.nth(0).fill(NEW_PASSWORD);
    await fields.nth(1).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deze link werkt niet' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Deze link werkt niet meer. Misschien is hij al gebruikt of is het langer dan een uur geleden.' })
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectNoSeriousA11yViolations(page);

    // Without any token the page says so at once.
    await page.goto(e2e.baseUrl + '/wachtwoord-herstellen');
    await page.getByRole('alert').filter({ hasText: 'Deze link is niet volledig.' }).waitFor();

    await page.getByRole('link', { name: 'Vraag een nieuwe link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wachtwoord-vergeten');
    await context.close();
  });
});
