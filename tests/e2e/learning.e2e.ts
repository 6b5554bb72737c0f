import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 150_000;
const NETWORK_DAY = 'Netwerkdag 1 Gezin 1 Plan: samen sterker rond onderwijs en jeugdhulp';
const TRAINING = 'Vorming: verbindend communiceren met ouders';

describe.skipIf(!hasChromium)('learning together (samen leren) in Chromium', () => {
  const e2e = useE2e();

  it('a professional sees the network day, registers for a full session and lands on its waiting list, then cancels', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren');
    await page.getByRole('heading', { level: 1, name: 'Samen leren' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Samen leren' }).waitFor();
    const list = page.getByRole('table', { name: 'Komende activiteiten' });
    await list.getByRole('rowheader', { name: NETWORK_DAY }).waitFor();
    // The intervision of three weeks ago is not upcoming; with the past year it shows.
    expect(await list.getByText('Intervisie casusbespreking').count()).toBe(0);
    await page.getByLabel('Ook activiteiten van het voorbije jaar').click();
    await page.getByRole('table', { name: 'Activiteiten sinds een jaar geleden' }).getByText('Intervisie casusbespreking — regio Noord-West-Vlaanderen').waitFor();
    expect(new URL(page.url()).searchParams.get('voorbij')).toBe('1');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/learning-list-1280.png', fullPage: true });

    await page.getByRole('link', { name: NETWORK_DAY }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK_DAY }).waitFor();
    await page.getByText('2 van 2 plaatsen bezet').waitFor();
    await page.getByText('1 op de wachtlijst').waitFor();
    const choose = page.getByRole('group', { name: 'Kies je sessies' });
    await choose.getByRole('checkbox', { name: /Plenair: waar staat ons netwerk\?/ }).check();
    await choose.getByRole('checkbox', { name: /Jongeren vertellen/ }).check();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
    const mine = page.getByRole('region', { name: 'Mijn inschrijving' });
    await mine.getByText('Je bent ingeschreven.').waitFor();
    await mine.getByText('Wachtlijst: plaats 2').waitFor();
    await mine.getByText('Bevestigd').waitFor();
    await page.getByText('2 op de wachtlijst').waitFor();
    await page.screenshot({ path: 'test-results/learning-event-1280.png', fullPage: true });

    await mine.getByRole('button', { name: 'Inschrijving annuleren' }).click();
    await page.getByRole('dialog', { name: 'Inschrijving annuleren?' }).getByRole('button', { name: 'Ja, annuleer mijn inschrijving' }).click();
    await mine.getByRole('group', { name: 'Kies je sessies' }).waitFor();
    await page.getByText('1 op de wachtlijst').waitFor();
    expect(errors).toEqual([]);
  }, SLOW);

  it('an organisation admin runs the training: cost split, a new event with a session, and check-in on a phone', async () => {
    const { page, errors } = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren');
    await page.getByRole('link', { name: TRAINING }).click();
    await page.getByRole('heading', { level: 1, name: TRAINING }).waitFor();
    const tools = page.getByRole('region', { name: 'Voor de organisator' });
    await tools.getByText('2 deelnemers × € 10,00 = € 20,00').waitFor();
    await tools.getByText('IROJ betaalt € 280,00').waitFor();
    await expect.poll(async () => tools.getByRole('link', { name: 'Deelnemerslijst (CSV)' }).getAttribute('href')).toMatch(/participants\.csv$/);

    // A new event: the shared contract's rules at the fields, then created as a draft and published.
    await page.getByRole('link', { name: 'Samen leren' }).first().click();
    await page.getByRole('button', { name: 'Nieuwe activiteit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe activiteit' });
    await dialog.getByLabel('Titel').fill('X');
    await dialog.getByRole('button', { name: 'Activiteit maken' }).click();
    await dialog.getByText('Vul minstens 2 tekens in.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByLabel('Titel').fill('Intervisie leefgroepwerkers');
    await dialog.getByRole('textbox', { name: 'Datum' }).fill('15/01/2099');
    await dialog.getByRole('textbox', { name: 'Inschrijven kan vanaf' }).fill('01/12/2026');
    await dialog.getByRole('textbox', { name: 'Inschrijven kan tot en met' }).fill('10/01/2099');
    await dialog.getByLabel('Organiserende organisatie').click();
    await page.getByRole('option', { name: 'Jeugdhulp Kustlijn vzw' }).click();
    await dialog.getByRole('button', { name: 'Activiteit maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Intervisie leefgroepwerkers' }).waitFor();
    await page.getByText('Ontwerp', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Sessie toevoegen' }).click();
    const session = page.getByRole('dialog', { name: 'Sessie toevoegen' });
    await session.getByLabel('Titel van de sessie').fill('Casus in kleine groep');
    await session.getByRole('textbox', { name: 'Zaal' }).fill('Lokaal 2');
    await session.getByLabel('Aantal plaatsen').fill('12');
    await session.getByRole('button', { name: 'Opslaan' }).click();
    await session.waitFor({ state: 'detached' });
    await page.getByText('0 van 12 plaatsen bezet').waitFor();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByRole('group', { name: 'Kies je sessies' }).waitFor();
    expect(errors).toEqual([]);
  }, SLOW);

  it('a coordinator creates a network day with three rooms; two professionals register for the small room, the second waits and is promoted when the first cancels', async () => {
    const title = 'Netwerkdag drie zalen';
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren');
    await page.getByRole('button', { name: 'Nieuwe activiteit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe activiteit' });
    await dialog.getByLabel('Titel').fill(title);
    await dialog.getByRole('combobox', { name: 'Soort', exact: true }).click();
    await page.getByRole('option', { name: 'Netwerkdag' }).click();
    await dialog.getByRole('textbox', { name: 'Datum' }).fill('05/12/2099');
    await dialog.getByRole('textbox', { name: 'Inschrijven kan vanaf' }).fill('01/12/2026');
    await dialog.getByRole('textbox', { name: 'Inschrijven kan tot en met' }).fill('01/12/2099');
    await dialog.getByLabel('Organisator (overlegorgaan of naam)').fill('IROJ Oost-Vlaanderen');
    await dialog.getByRole('button', { name: 'Activiteit maken' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    for (const [name, room, places, kind] of [
      ['Plenaire opening', 'Zaal A', '200', 'Plenaire zaal'],
      ['Atelier ouders aan het woord', 'Zaal B', '1', 'Parallelle sessie'],
      ['Atelier school en jeugdhulp', 'Zaal C', '30', 'Parallelle sessie'],
    ] as const) {
      await page.getByRole('button', { name: 'Sessie toevoegen' }).click();
      const session = page.getByRole('dialog', { name: 'Sessie toevoegen' });
      await session.getByLabel('Titel van de sessie').fill(name);
      await session.getByText(kind, { exact: true }).click();
      expect(await session.getByRole('radio', { name: kind }).isChecked()).toBe(true);
      await session.getByRole('textbox', { name: 'Zaal' }).fill(room);
      await session.getByLabel('Aantal plaatsen').fill(places);
      await session.getByRole('button', { name: 'Opslaan' }).click();
      await session.waitFor({ state: 'detached' });
      await page.getByText(`0 van ${places} plaatsen bezet`).waitFor();
    }
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByRole('group', { name: 'Kies je sessies' }).waitFor();
    await page.getByText('Netwerkdag', { exact: true }).first().waitFor();
    const eventPath = new URL(page.url()).pathname;

    /** `email` registers for the small room only and sees `status` in their registration. */
    const registerSmallRoom = async (email: string, status: RegExp) => {
      const opened = await openAsDemo(e2e, email, eventPath);
      const choose = opened.page.getByRole('group', { name: 'Kies je sessies' });
      await choose.getByRole('checkbox', { name: /Atelier ouders aan het woord/ }).check();
      await opened.page.getByRole('button', { name: 'Inschrijven', exact: true }).click();
      const mine = opened.page.getByRole('region', { name: 'Mijn inschrijving' });
      await mine.getByText('Je bent ingeschreven.').waitFor();
      await mine.getByText(status).waitFor();
      return { ...opened, mine };
    };
    const first = await registerSmallRoom('hulpverlener@samenplan.demo', /Bevestigd/);
    const second = await registerSmallRoom('clb@samenplan.demo', /Wachtlijst: plaats 1/);
    await second.page.getByText('1 op de wachtlijst').waitFor();

    await first.mine.getByRole('button', { name: 'Inschrijving annuleren' }).click();
    await first.page.getByRole('dialog', { name: 'Inschrijving annuleren?' }).getByRole('button', { name: 'Ja, annuleer mijn inschrijving' }).click();
    await first.mine.getByRole('group', { name: 'Kies je sessies' }).waitFor();

    await second.page.reload();
    await second.mine.getByText('Bevestigd').waitFor();
    expect(await second.mine.getByText(/Wachtlijst/).count()).toBe(0);
    await expectNoSeriousA11yViolations(second.page);
    await second.page.screenshot({ path: 'test-results/learning-promoted-1280.png', fullPage: true });
    expect([...errors, ...first.errors, ...second.errors]).toEqual([]);
  }, SLOW);

  it('check-in at the door on a phone: find a name, mark present, no sideways scrolling', async () => {
    const { page, errors } = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren', { width: 360, height: 740 });
    await page.getByRole('link', { name: TRAINING }).click();
    await page.getByRole('link', { name: 'Aanwezigheden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanwezigheden' }).waitFor();
    await page.getByText('0 van 2 aanwezig').waitFor();
    await page.getByLabel('Zoek een deelnemer').fill('amira');
    await page.getByRole('button', { name: 'Amira El Idrissi aanwezig melden' }).click();
    await page.getByText('1 van 2 aanwezig').waitFor();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/learning-checkin-360.png', fullPage: true });
    await page.getByRole('button', { name: 'Aanwezigheid van Amira El Idrissi ongedaan maken' }).click();
    await page.getByText('0 van 2 aanwezig').waitFor();
    expect(errors).toEqual([]);
  }, SLOW);
});
