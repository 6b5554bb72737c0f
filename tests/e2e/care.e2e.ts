import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { loginDemo, openAsDemo } from './demo-login.js';

/** Logging in and a fresh TOTP step per login can take a minute. */
const SLOW = 150_000;

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, scope: Locator, label: RegExp, option: RegExp) {
  await scope.getByRole('textbox', { name: label }).or(scope.getByRole('combobox', { name: label })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The page fits a phone: nothing sticks out sideways. */
// One server for the file (starting one takes long on a busy machine): the region's list first, then the family page's tabs.
describe.skipIf(!hasChromium)('blocked trajectories and the care tabs of the family page in Chromium', () => {
  const e2e = useE2e();

  it('lists the region’s signals with pseudonyms only, escalates one and shows the case summary (1280 px)', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/signalen`);
    await loginDemo(page, 'coordinator@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    const table = page.getByRole('table', { name: 'Open signalen' });
    await table.getByRole('rowheader', { name: 'G-DEMO-BO' }).first().waitFor();
    const text = await table.innerText();
    expect(text).not.toContain('Bonte');
    expect(text).toContain('Wacht langer dan 90 dagen op hulp');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-signals-1280.png', fullPage: true });

    await page.getByRole('button', { name: 'G-DEMO-BO naar de casustafel' }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Naar de casustafel brengen?' });
    await confirm.getByRole('button', { name: 'Naar de casustafel' }).click();
    const summary = page.getByRole('dialog', { name: 'Samenvatting voor de casustafel' });
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('6–11');
    for (const leak of ['Bonte', 'Noah', 'Griet', 'Blankenberge', 'Multifunctioneel']) expect(summaryText).not.toContain(leak);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-summary-1280.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('shows the signals as cards on a phone (360 px)', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/signalen`);
    await loginDemo(page, 'coordinator@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    await page.getByText('G-DEMO-BO').first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-signals-360.png', fullPage: true });
    await context.close();
  }, SLOW);

  it('a professional gets no signals list (403 from the server, a calm message)', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/signalen`);
    await loginDemo(page, 'hulpverlener@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    expect(await page.getByRole('table', { name: 'Open signalen' }).count()).toBe(0);
    await context.close();
  }, SLOW);

  /** A logged-in page of its own; `context` for tests that close it early. */
  async function openAs(email: string, path: string, width: number, height = 800) {
    const opened = await openAsDemo(e2e, email, path, { width, height });
    return { ...opened, context: opened.page.context() };
  }

  async function openFamily(page: Page, name: string) {
    await page.goto(`${e2e.baseUrl}/gezinnen`);
    await page.getByRole('link', { name }).first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }
  const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name, exact: true });

  it('at 1280 px: waits with bridging help, ateliers with commitments followed up and put in the plan, the journal, signalling a blocked trajectory', async () => {
    const { context, page, errors } = await openAs('hulpverlener@samenplan.demo', '/gezinnen', 1280, 900);

    // --- Waits: the demo family waits for context guidance, with two people bridging.
    await openFamily(page, 'Gezin Rosseel');
    await tab(page, 'Wachten').click();
    const waits = page.getByRole('table', { name: 'Wachten op hulp' });
    await waits.getByRole('rowheader', { name: /Contextbegeleiding aan huis/ }).waitFor();
    await waits.getByText('Wout Peeters').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-waits-1280.png', fullPage: true });

    // A new wait: empty is refused next to the field; then it is listed without bridging help.
    await page.getByRole('button', { name: 'Wacht toevoegen' }).click();
    const waitDialog = page.getByRole('dialog', { name: 'Hulp waarop het gezin wacht' });
    await waitDialog.getByRole('button', { name: 'Wacht toevoegen' }).click();
    await waitDialog.getByRole('alert').getByText('Schrijf minstens 2 tekens.').waitFor();
    await waitDialog.getByRole('textbox', { name: /^Hulp of dienst/ }).fill('Logopedie voor Lore');
    await expectNoSeriousA11yViolations(page);
    await waitDialog.getByRole('button', { name: 'Wacht toevoegen' }).click();
    await waitDialog.waitFor({ state: 'hidden' });
    const newRow = waits.getByRole('row').filter({ hasText: 'Logopedie voor Lore' });
    await newRow.getByText('Geen overbruggingshulp').waitFor();

    // Bridging help for it, then the help starts.
    await page.getByRole('button', { name: 'Overbruggingshulp toevoegen bij Logopedie voor Lore' }).click();
    const bridgingDialog = page.getByRole('dialog', { name: 'Overbruggingshulp' });
    await bridgingDialog.getByRole('textbox', { name: /^Wie helpt/ }).fill('Buurvrouw An');
    await bridgingDialog.getByRole('textbox', { name: /^Wat doet die persoon/ }).fill('Oefent elke week de klanken met Lore');
    await bridgingDialog.getByRole('button', { name: 'Overbruggingshulp toevoegen' }).click();
    await bridgingDialog.waitFor({ state: 'hidden' });
    await newRow.getByText('Oefent elke week de klanken met Lore', { exact: false }).waitFor();
    expect(await newRow.getByText('Geen overbruggingshulp').count()).toBe(0);
    await page.getByRole('button', { name: 'Stand wijzigen van Logopedie voor Lore' }).click();
    const statusDialog = page.getByRole('dialog', { name: 'Stand van het wachten' });
    await statusDialog.getByRole('button', { name: 'Bewaren' }).click();
    await statusDialog.waitFor({ state: 'hidden' });
    await newRow.getByText('Hulp gestart').waitFor();

    // --- Ateliers: the open commitments, one put in the plan, one done, a new atelier.
    await openFamily(page, 'Gezin Yilmaz');
    await tab(page, 'Ateliers').click();
    const open = page.getByRole('table', { name: 'Open engagementen' });
    await open.getByRole('rowheader', { name: /Een studieplek in de bibliotheek/ }).waitFor();
    // The one already in the plan says so and offers no second time.
    await open.getByRole('row').filter({ hasText: 'Stageplaats in de kinderopvang zoeken' }).getByText('In het plan').waitFor();
    expect(await page.getByRole('button', { name: 'Stageplaats in de kinderopvang zoeken: in het plan zetten' }).count()).toBe(0);
    await page.getByRole('heading', { level: 3, name: /^Atelier van / }).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-ateliers-1280.png', fullPage: true });

    await page.getByRole('button', { name: 'Een studieplek in de bibliotheek van De Haan regelen: in het plan zetten' }).click();
    const toPlan = page.getByRole('dialog', { name: 'Engagement als actie in het plan' });
    await toPlan.getByText('In het plan doet Ruben Claeys het.').waitFor();
    await choose(page, toPlan, /^Bij welk doel hoort het/, /diploma/);
    await expectNoSeriousA11yViolations(page);
    await toPlan.getByRole('button', { name: 'In het plan zetten' }).click();
    await toPlan.waitFor({ state: 'hidden' });
    await open.getByRole('row').filter({ hasText: 'Een studieplek in de bibliotheek' }).getByText('In het plan').waitFor();
    await page.getByRole('button', { name: 'Een studieplek in de bibliotheek van De Haan regelen: gedaan' }).click();
    await open.getByRole('row').filter({ hasText: 'Een studieplek in de bibliotheek' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Atelier toevoegen' }).click();
    const atelierDialog = page.getByRole('dialog', { name: 'Atelier noteren' });
    await atelierDialog.getByRole('button', { name: 'Atelier bewaren' }).click();
    await atelierDialog.getByRole('alert').getByText('Kies minstens één persoon.').waitFor();
    await atelierDialog.getByRole('checkbox', { name: /Aylin Yilmaz/ }).check();
    await atelierDialog.getByRole('checkbox', { name: /Tante Derya/ }).check();
    await atelierDialog.getByRole('checkbox', { name: /Ruben Claeys/ }).check();
    await atelierDialog.getByRole('textbox', { name: /^Ideeën/ }).fill('Aylin wil leren plannen met een weekschema.');
    await atelierDialog.getByRole('button', { name: 'Engagement toevoegen' }).click();
    await atelierDialog.getByRole('textbox', { name: /^Engagement 1/ }).fill('Een weekschema maken met Aylin');
    await choose(page, atelierDialog, /^Wie 1/, /Tante Derya/);
    await expectNoSeriousA11yViolations(page);
    await atelierDialog.getByRole('button', { name: 'Atelier bewaren' }).click();
    await atelierDialog.waitFor({ state: 'hidden' });
    await open.getByRole('row').filter({ hasText: 'Een weekschema maken met Aylin' }).getByText('Tante Derya').waitFor();
    await page.getByText('Aylin wil leren plannen met een weekschema.').waitFor();

    // The commitment is an action of the plan now.
    await tab(page, 'Gezinsplan').click();
    await page.getByRole('heading', { level: 1, name: 'Gezinsplan' }).waitFor();
    await page.getByText('Een studieplek in de bibliotheek van De Haan regelen').first().waitFor();

    // --- Journal: the organisation's own note is marked; a note for the whole team.
    await openFamily(page, 'Gezin Decoster');
    await tab(page, 'Logboek').click();
    const note = page.getByRole('listitem').filter({ hasText: 'Intern: bespreken in de teamvergadering' });
    await note.getByText(/^Alleen Jeugdhulp Kustlijn/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByRole('alert').getByText('Vul dit in.').waitFor();
    await page.getByRole('textbox', { name: /^Notitie/ }).fill('Teamoverleg gepland op vrijdag; Roos komt zelf mee.');
    await page.getByRole('radio', { name: 'Het hele team' }).check();
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Teamoverleg gepland op vrijdag' }).getByText('Hele team').waitFor();
    await page.screenshot({ path: 'test-results/care-journal-1280.png', fullPage: true });

    // --- Signal a blocked trajectory (with a reason), then resolve it.
    await openFamily(page, 'Gezin Bonte');
    await tab(page, 'Signalen').click();
    const signals = page.getByRole('table', { name: 'Vastgelopen traject' });
    await signals.getByText('Wacht langer dan 90 dagen op hulp').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Vastgelopen traject signaleren' }).click();
    const raise = page.getByRole('dialog', { name: 'Vastgelopen traject signaleren' });
    await raise.getByRole('textbox', { name: /^Reden/ }).fill('kort');
    await raise.getByRole('button', { name: 'Vastgelopen traject signaleren' }).click();
    await raise.getByRole('alert').getByText('Schrijf minstens 5 tekens.').waitFor();
    await raise.getByRole('textbox', { name: /^Reden/ }).fill('Geen dagbegeleiding vrij in de regio; de school wil de jongen niet meer.');
    await expectNoSeriousA11yViolations(page);
    await raise.getByRole('button', { name: 'Vastgelopen traject signaleren' }).click();
    await raise.waitFor({ state: 'hidden' });
    const mine = signals.getByRole('row').filter({ hasText: 'Geen dagbegeleiding vrij in de regio' });
    await mine.getByText('door Ruben Claeys').waitFor();
    await mine.getByText('Open', { exact: true }).waitFor();
    await mine.getByRole('button', { name: /: opgelost$/ }).click();
    await page.getByRole('dialog', { name: 'Is dit opgelost?' }).getByRole('button', { name: 'Opgelost' }).click();
    await mine.getByText('Opgelost', { exact: true }).waitFor();
    await page.screenshot({ path: 'test-results/care-family-signals-1280.png', fullPage: true });

    // A professional has no coordinator's list in the navigation.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vastgelopen trajecten' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('at 360 px: the tabs as cards, nothing sideways, dialogs usable; the journal of another organisation stays hidden', async () => {
    const { context, page, errors } = await openAs('clb@samenplan.demo', '/gezinnen', 360, 740);
    // Amira (CLB Polderland) is on Decoster's team with consent to read and edit the plan, not the journal.
    await openFamily(page, 'Gezin Yilmaz');
    await tab(page, 'Wachten').click();
    await page.getByRole('heading', { level: 2, name: 'Wachten op hulp' }).waitFor();
    await page.getByText('Het gezin wacht op niets').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);

    await tab(page, 'Ateliers').click();
    await page.getByRole('heading', { level: 2, name: 'Open engagementen' }).waitFor();
    await page.getByText('Stageplaats in de kinderopvang zoeken').first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Atelier toevoegen' }).click();
    const atelierDialog = page.getByRole('dialog', { name: 'Atelier noteren' });
    await atelierDialog.getByRole('checkbox', { name: /Aylin Yilmaz/ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-atelier-dialog-360.png', fullPage: true });
    await atelierDialog.getByRole('button', { name: 'Annuleren' }).click();

    await tab(page, 'Logboek').click();
    await page.getByText('Aylin heeft zelf twee kinderdagverblijven gecontacteerd').waitFor();
    // Ruben's note for his own organisation is on Decoster, not here; on Yilmaz Amira sees the team note only.
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-journal-360.png', fullPage: true });

    await tab(page, 'Signalen').click();
    await page.getByText('Er is geen vastgelopen traject gesignaleerd voor dit gezin.').waitFor();
    await page.getByRole('button', { name: 'Vastgelopen traject signaleren' }).click();
    await page.getByRole('dialog', { name: 'Vastgelopen traject signaleren' }).getByRole('textbox', { name: /^Reden/ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-raise-360.png', fullPage: true });
    await page.keyboard.press('Escape');

    // Decoster: Amira has no journal consent there, so no journal tab at all (the server would answer 404).
    await openFamily(page, 'Gezin Decoster');
    expect(await tab(page, 'Logboek').count()).toBe(0);
    await tab(page, 'Wachten').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('a network coordinator finds the blocked trajectories in the navigation', async () => {
    const { context, page } = await openAs('coordinator@samenplan.demo', '/aanmeldingen', 1280);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Vastgelopen trajecten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    await page.getByRole('table', { name: 'Open signalen' }).getByRole('rowheader', { name: 'G-DEMO-BO' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/signalen');
    await context.close();
  }, SLOW);
});
