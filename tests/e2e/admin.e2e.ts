import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { freshDemoCode as freshCode, loginDemo, openAsDemo } from './demo-login.js';

/** Waiting for a new TOTP step (login plus step-up of one account) can take up to a minute. */
const SLOW = 150_000;

describe.skipIf(!hasChromium)('administration screens in Chromium', () => {
  const e2e = useE2e();

  /** A logged-in page of its own; `context` for tests that close it early. */
  async function openAs(email: string, path: string, width = 1280, height = 800) {
    const opened = await openAsDemo(e2e, email, path, { width, height });
    return { ...opened, context: opened.page.context() };
  }

  it('shows Beheer only to administrators; a professional gets a calm "geen toegang"; logged out, the login page leads back to the page and its filter', async () => {
    const { context, page } = await openAs('hulpverlener@samenplan.demo', '/beheer');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await context.close();

    // Logged out: /beheer leads to the login page and back.
    const anonymous = await e2e.browser.newContext();
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto(e2e.baseUrl + '/beheer/personen');
    await anonymousPage.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(new URL(anonymousPage.url()).searchParams.get('terug')).toBe('/beheer/personen');

    // A filtered list keeps its filter through the login: path and query come back.
    await anonymousPage.goto(e2e.baseUrl + '/samen-leren?soort=training');
    await anonymousPage.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(new URL(anonymousPage.url()).searchParams.get('terug')).toBe('/samen-leren?soort=training');
    await loginDemo(anonymousPage, 'clb@samenplan.demo');
    await anonymousPage.waitForURL((url) => url.pathname === '/samen-leren' && url.searchParams.get('soort') === 'training');
    await anonymous.close();
  }, SLOW);

  it('(a) a platform admin sees Organisaties and Personen and creates an organisation', async () => {
    const { context, page, errors } = await openAs('beheer@samenplan.demo', '/beheer');
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/beheer');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).waitFor();
    const sections = page.getByRole('navigation', { name: 'Onderdelen van beheer' });
    for (const name of ['Organisaties', 'Personen', 'Audit']) await sections.getByRole('link', { name }).waitFor();

    const table = page.getByRole('table', { name: 'Organisaties' });
    await table.getByRole('rowheader', { name: 'Jeugdhulp Kustlijn vzw' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // The search filter narrows the list.
    await page.getByLabel('Zoeken').fill('kustlijn');
    await expect.poll(() => table.getByRole('rowheader').count()).toBe(1);
    await page.getByLabel('Zoeken').fill('');

    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe organisatie' });
    await dialog.waitFor();
    // Validation as you type, in Dutch, from the shared schema.
    await dialog.getByLabel('Naam').fill('X');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await dialog.getByText('Vul minstens 2 tekens in.').waitFor();
    await dialog.getByLabel('Naam').fill('Thuisbegeleiding De Branding');
    await dialog.getByRole('combobox', { name: 'Sectoren' }).click();
    await page.getByRole('option', { name: 'Onderwijs' }).click();
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Thuisbegeleiding De Branding' }) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Onderwijs');
    expect(await row.innerText()).toContain('Actief');

    await sections.getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('table', { name: 'Personen' }).getByRole('rowheader', { name: 'Sofie Maes' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('(b) an organisation admin adds a person to Jeugdhulp Kustlijn vzw and sees the enrolment link once', async () => {
    const { context, page, errors } = await openAs('orgbeheer@samenplan.demo', '/beheer/personen');
    await page.getByRole('heading', { level: 2, name: 'Personen' }).waitFor();
    // Not for organisation admins: the audit trail.
    expect(await page.getByRole('navigation', { name: 'Onderdelen van beheer' }).getByRole('link', { name: 'Audit' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe persoon' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Organisatie' }).inputValue()).toBe('Jeugdhulp Kustlijn vzw');
    expect(await dialog.getByText('Platformrollen').count()).toBe(0);
    await dialog.getByLabel('Naam').fill('Noor Vermeulen');
    await dialog.getByLabel('E-mailadres').fill('noor.vermeulen@example.be');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();

    const linkDialog = page.getByRole('dialog', { name: 'Noor Vermeulen is toegevoegd' });
    await linkDialog.waitFor();
    await linkDialog.getByText('Geef deze link veilig door; hij is 7 dagen geldig en werkt één keer.').waitFor();
    const link = await linkDialog.getByLabel('Eenmalige inschrijflink').inputValue();
    expect(link).toMatch(/\/inschrijven#[\w-]{40,}$/);
    await linkDialog.getByRole('button', { name: 'Kopieer' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await linkDialog.getByRole('button', { name: 'Klaar' }).click();
    await linkDialog.waitFor({ state: 'detached' });
    // Shown once: the link is nowhere on the page any more.
    expect(await page.content()).not.toContain(link.split('#')[1]);

    const row = page.getByRole('table', { name: 'Personen' }).getByRole('row').filter({ hasText: 'Noor Vermeulen' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Jeugdhulp Kustlijn vzw');
    expect(await row.innerText()).toContain('Nee');
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('(c) disabling a person asks for the code (step-up), then shows "Uitgeschakeld"', async () => {
    const { context, page, errors } = await openAs('orgbeheer@samenplan.demo', '/beheer/personen');
    const table = page.getByRole('table', { name: 'Personen' });
    const row = table.getByRole('row').filter({ hasText: 'Ruben Claeys' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Ruben Claeys uitschakelen' }).click();

    const confirm = page.getByRole('dialog', { name: 'Ruben Claeys uitschakelen?' });
    await confirm.getByText('Ruben Claeys kan niet meer aanmelden; open sessies stoppen meteen.').waitFor();
    await confirm.getByRole('button', { name: 'Uitschakelen' }).click();

    const stepUp = page.getByRole('dialog', { name: 'Bevestig dat jij het bent' });
    await stepUp.waitFor();
    const code = stepUp.getByLabel('Code van 6 cijfers');
    // The focus moves into the dialog.
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    // A wrong code is said next to the field, and the dialog stays.
    await code.fill('000000');
    await stepUp.getByRole('button', { name: 'Bevestigen' }).click();
    await stepUp.getByText('Deze code klopt niet of is verlopen.').waitFor();
    await code.fill(await freshCode('orgbeheer@samenplan.demo'));
    await stepUp.getByRole('button', { name: 'Bevestigen' }).click();
    await stepUp.waitFor({ state: 'detached' });

    await row.getByText('Uitgeschakeld').waitFor();
    await row.getByRole('button', { name: 'Ruben Claeys weer inschakelen' }).waitFor();
    // Still on the admin screens: the 401 `reauth_required` did not send us to the login page.
    expect(new URL(page.url()).pathname).toBe('/beheer/personen');
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('(d) the audit viewer lists recent events and filters by outcome', async () => {
    // A failed login to find back.
    const other = await e2e.browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(e2e.baseUrl + '/aanmelden');
    await otherPage.getByLabel('E-mailadres').fill('clb@samenplan.demo');
    await otherPage.locator('input[autocomplete="current-password"]').fill('niet-het-wachtwoord');
    await otherPage.getByRole('button', { name: 'Verder' }).click();
    await otherPage.getByRole('alert').waitFor();
    await other.close();

    const { context, page, errors } = await openAs('beheer@samenplan.demo', '/beheer/audit');
    await page.getByRole('heading', { level: 2, name: 'Audit' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit' });
    // Actions by their label, not their code.
    await table.getByRole('cell', { name: 'Aangemeld', exact: true }).first().waitFor();
    expect(await table.getByRole('cell', { name: 'auth.login' }).count()).toBe(0);
    const firstTime = await table.getByRole('row').nth(1).getByRole('cell').first().innerText();
    expect(firstTime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await table.getByRole('cell', { name: 'Lotte Verhaeghe' }).first().waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('combobox', { name: 'Uitkomst' }).click();
    await page.getByRole('option', { name: 'Mislukt' }).click();
    await page.getByRole('button', { name: 'Filteren' }).click();
    await table.getByRole('cell', { name: 'Amira El Idrissi' }).first().waitFor();
    await expect.poll(() => table.getByText('Gelukt').count()).toBe(0);
    expect(await table.getByText('Mislukt').count()).toBeGreaterThan(0);

    // Nothing found: an empty state that says what to do.
    await page.getByRole('combobox', { name: 'Uitkomst' }).click();
    await page.getByRole('option', { name: 'Alle uitkomsten' }).click();
    await page.getByRole('combobox', { name: 'Handeling' }).fill('weer ingeschakeld');
    await page.getByRole('option', { name: 'Persoon weer ingeschakeld' }).click();
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Niets gevonden met deze filters.').waitFor();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await table.getByText('Gelukt').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('edits a person on a phone (360 px): search on the server, the edit dialog fits and saves', async () => {
    const { context, page, errors } = await openAs('beheer@samenplan.demo', '/beheer/personen', 360, 740);
    const list = page.getByRole('list', { name: 'Personen' });
    await list.getByText('Sofie Maes').waitFor();
    await page.getByLabel('Zoeken').fill('amira');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('button', { name: 'Amira El Idrissi wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Amira El Idrissi wijzigen' });
    await dialog.getByLabel('Telefoon').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    // Validation from the shared contract, in Dutch.
    await dialog.getByLabel('Naam').fill('A');
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.getByText('Vul minstens 2 tekens in.').waitFor();
    await dialog.getByLabel('Naam').fill('Amira El Idrissi');
    await dialog.getByLabel('Telefoon').fill('+32 470 12 34 56');
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('De gegevens van Amira El Idrissi zijn bewaard.').waitFor();
    await list.getByRole('button', { name: 'Amira El Idrissi wijzigen' }).click();
    expect(await page.getByRole('dialog', { name: 'Amira El Idrissi wijzigen' }).getByLabel('Telefoon').inputValue()).toBe('+32 470 12 34 56');
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('works on a phone (360 px): cards instead of tables', async () => {
    const { context, page } = await openAs('beheer@samenplan.demo', '/beheer/personen', 360, 740);
    await page.getByRole('list', { name: 'Personen' }).getByText('Sofie Maes').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  }, SLOW);
});
