import { describe, expect, it } from 'vitest';
import { waitForMailLink } from '../helpers/smtp.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2eWithMail } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 150_000;
const NETWORK_DAY = 'Netwerkdag 1 Gezin 1 Plan: samen sterker rond onderwijs en jeugdhulp';

describe.skipIf(!hasChromium)('learning together: the public form and exchange learning in Chromium', () => {
  const e2e = useE2eWithMail();

  it('a parent registers on a phone without a login, confirms by the mail link, lands on the waiting list of a full session and cancels', async () => {
    // The organiser finds the public form's address with the event.
    const organiser = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren');
    await organiser.page.getByRole('link', { name: NETWORK_DAY }).click();
    const tools = organiser.page.getByRole('region', { name: 'Voor de organisator' });
    await tools.getByText('Het openbare inschrijfformulier voor ouders en jongeren:').waitFor();
    const formPath = await tools.getByRole('link', { name: /\/samen-leren\/inschrijven\// }).getAttribute('href');
    expect(formPath).toMatch(/^\/samen-leren\/inschrijven\/[0-9a-f-]{36}$/);

    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + formPath!);
    await page.getByRole('heading', { level: 1, name: NETWORK_DAY }).waitFor();
    const form = page.getByRole('form', { name: 'Schrijf je in' });
    await form.getByRole('button', { name: 'Inschrijven' }).click();
    await form.getByText('Vul minstens 2 tekens in.').first().waitFor();
    await expectNoSeriousA11yViolations(page);

    const email = `ouder-${Date.now()}@example.test`;
    await form.getByLabel('Je naam').fill('Elise Decoster');
    await form.getByLabel('Je e-mailadres').fill(email);
    await form.getByRole('radio', { name: 'Ouder' }).check();
    await form.getByRole('checkbox', { name: /Plenair: waar staat ons netwerk\?/ }).check();
    await form.getByRole('checkbox', { name: /Jongeren vertellen/ }).check();
    await form.getByText('Volzet: je komt op de wachtlijst').waitFor();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/learnpub-public-form-360.png', fullPage: true });
    await form.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByText(`We stuurden een mail naar ${email}.`).waitFor();
    await expectNoSeriousA11yViolations(page);

    const confirm = await waitForMailLink(e2e.mails, email, '/samen-leren/inschrijving/bevestigen');
    await page.goto(e2e.baseUrl + confirm);
    await page.getByRole('heading', { level: 1, name: 'Je inschrijving bevestigen' }).waitFor();
    await page.getByText(/Dag Elise Decoster, je inschrijving voor Netwerkdag .* is bevestigd\./).waitFor();
    await page.getByText('Plenair: waar staat ons netwerk?: je hebt een plaats').waitFor();
    await page.getByText(/Jongeren vertellen: wat hielp mij\?: je staat op de wachtlijst \(plaats \d\)/).waitFor();
    // The token left the address bar.
    expect(new URL(page.url()).hash).toBe('');
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/learnpub-public-confirmed-360.png', fullPage: true });

    // The same link a second time (a fresh load, not a jump within the page): refused in Dutch.
    await page.goto('about:blank');
    await page.goto(e2e.baseUrl + confirm);
    await page.getByText('Deze link werd al gebruikt: je inschrijving is al bevestigd.').waitFor();

    // The organiser sees the parent in the check-in list.
    await organiser.page.getByRole('link', { name: 'Aanwezigheden' }).click();
    await organiser.page.getByLabel('Zoek een deelnemer').fill('Elise Decoster');
    await organiser.page.getByText(/^Ouder · /).waitFor();

    const cancel = await waitForMailLink(e2e.mails, email, '/samen-leren/inschrijving/annuleren');
    await page.goto(e2e.baseUrl + cancel);
    await page.getByRole('heading', { level: 1, name: 'Je inschrijving annuleren' }).waitFor();
    await page.getByRole('button', { name: 'Ja, annuleer mijn inschrijving' }).click();
    await page.getByText(/Dag Elise Decoster, je inschrijving voor .* is geannuleerd\./).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
    expect(organiser.errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('a coordinator sees the sector × sector matrix of the year of the demo exchange visits as a heat-map table, also on a phone', async () => {
    // The demo's visits that took place lie 15 to 45 days back (loadDemoExchange, relative to today in UTC); in early
    // January some or all of them fall in the previous year, so the test picks the year of the visit it checks.
    const dayBack = (days: number) => {
      const now = new Date();
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * 86_400_000).toISOString().slice(0, 10);
    };
    const visits = [45, 30, 30, 20, 15].map(dayBack);
    const inYear = (year: number) => visits.filter((d) => d.startsWith(`${year}-`)).length;
    // The youth-care worker's day at the CGG, 20 days back.
    const visitYear = Number(dayBack(20).slice(0, 4));

    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren');
    await page.getByRole('link', { name: 'Wisselleren tussen sectoren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wisselleren tussen sectoren' }).waitFor();
    const shownYear = page.locator('[aria-live="polite"]').filter({ hasText: /^\d{4}$/ });
    // The page opens on this year; the visit may lie in the previous one.
    const opened = Number(await shownYear.innerText());
    expect(opened - visitYear).toBeGreaterThanOrEqual(0);
    expect(opened - visitYear).toBeLessThanOrEqual(1);
    if (opened > visitYear) {
      await page.getByRole('button', { name: 'Vorig jaar' }).click();
      await shownYear.filter({ hasText: String(visitYear) }).waitFor();
    }
    const table = page.getByRole('table', { name: `${inYear(visitYear)} uitwisselingen in ${visitYear}: rijen zijn de sector van de bezoeker, kolommen de sector van de gastorganisatie.` });
    await table.waitFor();
    // The demo: a youth-care worker spent a day at the CGG 20 days ago.
    await table.getByRole('cell', { name: '1 uitwisseling van Jeugdhulp (Opgroeien) naar Geestelijke gezondheidszorg (GGZ)' }).waitFor();
    // Disability care took part in that year too (as host 15 or 45 days back, as visitor 30 days back).
    await table.getByRole('rowheader', { name: 'Personen met een handicap (VAPH)' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/learnpub-matrix-1280.png', fullPage: true });
    await page.getByRole('button', { name: 'Vorig jaar' }).click();
    const before = visitYear - 1;
    if (inYear(before) === 0) await page.getByText(`In ${before} vond nog geen uitwisseling plaats.`).waitFor();
    else await page.getByRole('table', { name: new RegExp(`^${inYear(before)} uitwisselingen? in ${before}:`) }).waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: 'Volgend jaar' }).click();
    await table.waitFor();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/learnpub-matrix-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
