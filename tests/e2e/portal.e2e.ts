import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { portalLoginMail } from '../helpers/smtp.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2eWithMail } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 180_000;
const YOUTH = 'jongere@samenplan.demo';
const PHONE = { width: 360, height: 740 };

async function checkPage(page: Page, name: string) {
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `test-results/portal-${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)('the family portal on a phone (360×740) in Chromium', () => {
  const e2e = useE2eWithMail();

  it('a youth of 14 logs in with the code, reads the plan, adds a goal, withdraws a consent and sees who opened her file', async () => {
    // A professional of the team opens the family's file first: the youth will see it in the access log.
    const pro = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/gezinnen');
    await pro.page.getByRole('link', { name: 'Gezin Decoster' }).first().click();
    await pro.page.getByRole('heading', { level: 1, name: 'Gezin Decoster' }).waitFor();

    const page = await e2e.page({ viewport: PHONE });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Not logged in: the portal sends us to its own login page.
    await page.goto(e2e.baseUrl + '/gezin');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/gezin/aanmelden');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await checkPage(page, 'login');

    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByRole('alert').filter({ hasText: 'Vul je e-mailadres in.' }).waitFor();
    await page.getByLabel('Je e-mailadres').fill(YOUTH);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByRole('heading', { level: 1, name: 'We stuurden je een code' }).waitFor();
    const codeField = page.getByLabel('Code van 6 cijfers');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    await checkPage(page, 'code');

    const { code } = await portalLoginMail(e2e.mails, YOUTH, 0);
    // A wrong code first: a plain Dutch message.
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze code klopt niet of werkt niet meer' }).waitFor();
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    // My plan: the family's name in the header, the tab bar, the goals in the family's order.
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/gezin');
    await page.getByRole('banner').getByText('Gezin Decoster').waitFor();
    const tabs = page.getByRole('navigation', { name: 'Onderdelen' });
    for (const name of ['Mijn plan', 'Mijn team', 'Toestemming', 'Wie keek', 'Mijn gegevens']) await tabs.getByRole('link', { name }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Roos gaat weer elke dag naar school' }).waitFor();
    await page.getByText('Belangrijk nr. 1').first().waitFor();
    await page.getByText(/Volgende bespreking: \d\d\/\d\d\/\d{4}/).waitFor();
    await page.getByText('Jullie zijn akkoord met dit plan (versie 3').waitFor();
    await checkPage(page, 'plan');

    // Mijn stem: a goal of her own becomes a new plan version.
    const goalForm = page.getByRole('form', { name: 'Een doel toevoegen' });
    await goalForm.getByRole('button', { name: 'Doel toevoegen' }).click();
    await goalForm.getByRole('alert').filter({ hasText: 'Schrijf je doel op.' }).waitFor();
    await goalForm.getByLabel('Wat wil je bereiken?').fill('Ik wil mijn rijbewijs halen');
    await goalForm.getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Ik wil mijn rijbewijs halen' }).waitFor();
    await page.getByText('Versie 4, aangepast op').waitFor();
    await page.getByText('Jullie waren akkoord met versie 3').waitFor();
    await checkPage(page, 'plan-goal');

    // Mijn team.
    await tabs.getByRole('link', { name: 'Mijn team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn team' }).waitFor();
    await page.getByText('Contactpersoon').first().waitFor();
    await checkPage(page, 'team');

    // Toestemming: withdraw the consent to CLB Polderland; the dialog says it takes effect at once.
    await tabs.getByRole('link', { name: 'Toestemming' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toestemming' }).waitFor();
    const clb = page.getByRole('article', { name: 'CLB Polderland' });
    await clb.getByText('Geldt nu').waitFor();
    await checkPage(page, 'consent');
    await clb.getByRole('button', { name: 'Intrekken: CLB Polderland' }).click();
    const dialog = page.getByRole('dialog', { name: 'Toestemming intrekken?' });
    await dialog.getByText('Dit geldt meteen, vanaf nu.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/portal-consent-confirm.png' });
    await dialog.getByRole('button', { name: 'Ja, trek in' }).click();
    await clb.getByText('Ingetrokken', { exact: true }).waitFor();
    expect(await clb.getByRole('button', { name: /Intrekken/ }).count()).toBe(0);

    // Wie keek: the professional's visit is there.
    await tabs.getByRole('link', { name: 'Wie keek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie keek in mijn dossier' }).waitFor();
    await page.getByText('Ruben Claeys').first().waitFor();
    await page.getByText('Gezin geopend').first().waitFor();
    await checkPage(page, 'access');

    // Mijn gegevens: the JSON download.
    await tabs.getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download als bestand (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^samenplan-mijn-gegevens-\d{4}-\d\d-\d\d\.json$/);
    await checkPage(page, 'data');

    // English is available.
    await page.getByRole('radio', { name: /EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My plan' }).waitFor();
    await page.getByRole('radio', { name: /NL/ }).click();

    // Afmelden: back to the login page; the portal is closed again.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.goto(e2e.baseUrl + '/gezin/team');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(errors).toEqual([]);
    expect(pro.errors).toEqual([]);
  }, SLOW);

  it('the link in the mail logs in too, once', async () => {
    const page = await e2e.page({ viewport: PHONE });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = e2e.mails.filter((m) => m.to.includes(YOUTH)).length;
    await page.goto(e2e.baseUrl + '/gezin/aanmelden');
    await page.getByLabel('Je e-mailadres').fill(YOUTH);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByRole('heading', { level: 1, name: 'We stuurden je een code' }).waitFor();
    const { link } = await portalLoginMail(e2e.mails, YOUTH, seen);

    await page.goto(e2e.baseUrl + link);
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');

    // A used link does not work again.
    const other = await e2e.page({ viewport: PHONE });
    await other.goto(e2e.baseUrl + link);
    await other.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' }).waitFor();
    await expectNoSeriousA11yViolations(other);
    expect(errors).toEqual([]);
  }, SLOW);
});
