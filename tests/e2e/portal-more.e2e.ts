import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { portalLoginMail } from '../helpers/smtp.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2eWithMail } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 240_000;
const YOUTH = 'jongere@samenplan.demo';
const PARENT = 'ouder@samenplan.demo';
const PHONE = { width: 360, height: 740 };

async function checkPage(page: Page, name: string) {
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `test-results/portal-more-${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)('the family portal, more (360×740): comments on actions, objections, a confidant, the PDF, a parent for a younger child; the team sees it', () => {
  const e2e = useE2eWithMail();

  async function portalLogin(page: Page, email: string) {
    const seen = e2e.mails.filter((m) => m.to.includes(email)).length;
    await page.goto(e2e.baseUrl + '/gezin/aanmelden');
    await page.getByLabel('Je e-mailadres').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByRole('heading', { level: 1, name: 'We stuurden je een code' }).waitFor();
    const code = (await portalLoginMail(e2e.mails, email, seen)).code;
    await page.getByLabel('Code van 6 cijfers').fill(code);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
  }

  it('Roos comments on an action, objects to Wout, invites and stops a confidant, downloads the PDF; Elise gives consent for Jasper; Ruben sees the family’s contributions', async () => {
    const page = await e2e.page({ viewport: PHONE });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // The code screen says how long the code works and what to do when nothing arrives.
    await page.goto(e2e.baseUrl + '/gezin/aanmelden');
    await page.getByLabel('Je e-mailadres').fill(YOUTH);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByText('De code is 15 minuten geldig en werkt één keer. Niets ontvangen? Wacht een minuut').waitFor();
    await page.getByText('dat kan 5 keer per uur').waitFor();
    await checkPage(page, 'code-hint');
    const code = (await portalLoginMail(e2e.mails, YOUTH, 0)).code;
    await page.getByLabel('Code van 6 cijfers').fill(code);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();

    // A comment on an action: it shows under that action.
    const commentForm = page.getByRole('form', { name: 'Een reactie geven' });
    await commentForm.getByLabel('Waarover?').selectOption({ label: 'Actie: Roos gaat weer naar de turntraining op woensdag' });
    await commentForm.getByLabel('Je reactie').fill('Woensdag lukt, maar niet als ik examens heb.');
    await commentForm.getByRole('button', { name: 'Reactie sturen' }).click();
    await page.getByText('Je reactie staat bij het plan.').waitFor();
    const action = page.getByRole('group', { name: 'Reacties op deze actie' });
    await action.getByText('“Woensdag lukt, maar niet als ik examens heb.” — Roos Decoster').waitFor();
    await checkPage(page, 'action-comment');

    // Toestemming: an objection to Wout, after a confirmation.
    const tabs = page.getByRole('navigation', { name: 'Onderdelen' });
    await tabs.getByRole('link', { name: 'Toestemming' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toestemming' }).waitFor();
    const objections = page.getByRole('region', { name: 'Bezwaar tegen een hulpverlener' });
    await objections.getByText('Je maakte nog geen bezwaar.').waitFor();
    await objections.getByRole('button', { name: 'Bezwaar maken' }).click();
    await objections.getByRole('alert').filter({ hasText: 'Kies een hulpverlener.' }).waitFor();
    await objections.getByLabel('Welke hulpverlener?').selectOption({ label: 'Wout Peeters (CGG Zeewind)' });
    await objections.getByRole('button', { name: 'Bezwaar maken' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bezwaar maken?' });
    await confirm.getByText('Wout Peeters (CGG Zeewind) kan je dossier dan niet meer openen.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await confirm.getByRole('button', { name: 'Ja, maak bezwaar' }).click();
    await objections.getByText('Je maakte bezwaar tegen').waitFor();
    await objections.getByRole('button', { name: 'Bezwaar intrekken: Wout Peeters' }).waitFor();

    // A confidant: invited by name and e-mail, then stopped.
    const confidants = page.getByRole('region', { name: 'Mijn vertrouwenspersoon' });
    await confidants.getByText('Je hebt nog geen vertrouwenspersoon.').waitFor();
    await confidants.getByRole('button', { name: 'Uitnodigen' }).click();
    await confidants.getByRole('alert').filter({ hasText: 'Vul de naam in.' }).waitFor();
    await confidants.getByLabel('Naam').fill('Tante Lies');
    await confidants.getByLabel('E-mailadres').fill('tante.lies@example.test');
    await confidants.getByRole('button', { name: 'Uitnodigen' }).click();
    await confidants.getByText('tante.lies@example.test').waitFor();
    await confidants.getByText('Actief').waitFor();
    await checkPage(page, 'consent-objection-confidant');
    await confidants.getByRole('button', { name: 'Stoppen: Tante Lies' }).click();
    const stop = page.getByRole('dialog', { name: 'Stoppen met Tante Lies?' });
    await stop.getByRole('button', { name: 'Ja, stop' }).click();
    await confidants.getByText('Gestopt', { exact: true }).waitFor();

    // Mijn gegevens: the readable document.
    await tabs.getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download als document (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^samenplan-mijn-gegevens-\d{4}-\d\d-\d\d\.pdf$/);
    await checkPage(page, 'data');
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();

    // Elise gives consent for Jasper (8): she chooses whom it is about.
    await portalLogin(page, PARENT);
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Toestemming' }).click();
    const give = page.getByRole('form', { name: 'Toestemming geven' });
    await give.getByLabel('Over wie gaat het?').selectOption({ label: 'Jasper Decoster' });
    await give.getByLabel('Organisatie').selectOption({ label: 'CLB Polderland' });
    await give.getByRole('button', { name: 'Toestemming geven' }).click();
    await page.getByText('De toestemming is gegeven.').waitFor();
    await page.getByRole('article', { name: 'CLB Polderland' }).filter({ hasText: 'Over: Jasper Decoster' }).first().waitFor();
    expect(await page.getByRole('region', { name: 'Bezwaar tegen een hulpverlener' }).count()).toBe(0);
    await checkPage(page, 'parent-consent');

    // Ruben, the contact person, sees the family's contributions on the plan page.
    const pro = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/gezinnen');
    await pro.page.getByRole('link', { name: 'Gezin Decoster' }).first().click();
    await pro.page.getByRole('heading', { level: 1, name: 'Gezin Decoster' }).waitFor();
    await pro.page.goto(pro.page.url().replace(/\/$/, '') + '/plan');
    const contributions = pro.page.getByRole('region', { name: 'Inbreng van het gezin' });
    await contributions.getByText('Roos Decoster maakte bezwaar tegen Wout Peeters').waitFor();
    await contributions.getByText('Bij de actie “Roos gaat weer naar de turntraining op woensdag”').waitFor();
    await contributions.getByText('“Woensdag lukt, maar niet als ik examens heb.”').waitFor();
    await contributions.getByText(/Versie 4: Opmerking van Roos Decoster/).waitFor();
    await expectNoSeriousA11yViolations(pro.page);
    await pro.page.screenshot({ path: 'test-results/portal-more-team-1280.png', fullPage: true });
    await pro.page.setViewportSize(PHONE);
    await expectNoSidewaysScroll(pro.page);
    await pro.page.screenshot({ path: 'test-results/portal-more-team-360.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(pro.errors).toEqual([]);
  }, SLOW);
});
