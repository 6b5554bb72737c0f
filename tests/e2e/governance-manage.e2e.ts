import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { DEMO_IROJ_NAME } from '../../src/server/db/demo/governance.js';

const SLOW = 240_000;
const BODY = 'Werkgroep Onderwijs en Jeugdhulp';

/** Close a success message now (it fades out by itself), so axe never measures it half transparent. */
async function closeMessage(page: Page, text: string) {
  const message = page.locator('.mantine-Notification-root').filter({ hasText: text });
  await message.waitFor();
  await message.getByRole('button', { name: 'Sluiten' }).click();
  await message.waitFor({ state: 'detached' });
}

async function pick(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function planMeeting(page: Page, day: string, place: string) {
  await page.getByRole('button', { name: 'Vergadering plannen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vergadering plannen' });
  await dialog.getByRole('textbox', { name: 'Datum' }).fill(day);
  await dialog.getByLabel('Beginuur').fill('14:00');
  await dialog.getByLabel('Einduur').fill('16:00');
  await dialog.getByLabel('Plaats').fill(place);
  await dialog.getByLabel('Link om online deel te nemen').fill('https://meet.example.org/onderwijs');
  await dialog.getByRole('button', { name: 'Vergadering plannen' }).click();
  await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();
}

async function addItem(page: Page, title: string, presenter: string, kind: string) {
  await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuw agendapunt' });
  await form.getByLabel('Titel').fill(title);
  await form.getByLabel('Wie brengt het?').fill(presenter);
  await pick(page, 'Soort', kind);
  await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
  await page.getByRole('heading', { name: new RegExp(`\\d+\\. ${title}$`) }).waitFor();
}

describe.skipIf(!hasChromium)('keeping consultation bodies (overleg beheren) in Chromium', () => {
  const e2e = useE2e();

  it('the coordinator starts a body, keeps its members, plans meetings and builds, carries over and approves an agenda', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg');
    await page.getByRole('heading', { level: 1, name: 'Overleg' }).waitFor();

    // 1. A new body: name, kind, region, description.
    await page.getByRole('button', { name: 'Overlegorgaan toevoegen' }).click();
    const create = page.getByRole('dialog', { name: 'Nieuw overlegorgaan' });
    await create.getByRole('button', { name: 'Overlegorgaan toevoegen' }).click();
    await create.getByText('Vul minstens 2 tekens in.').waitFor();
    await create.getByLabel('Naam').fill(BODY);
    await pick(page, 'Soort', 'Werkgroep');
    const region = create.getByRole('combobox', { name: 'Regio of provincie' });
    if (!(await region.inputValue())) {
      await region.click();
      await page.getByRole('option').first().click();
    }
    await create.getByLabel('Omschrijving').fill('Afspraken tussen scholen, CLB en jeugdhulp.');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govman-body-create-1280.png', fullPage: true });
    await create.getByRole('button', { name: 'Overlegorgaan toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: BODY }).waitFor();
    await closeMessage(page, 'Het overlegorgaan is aangemaakt.');

    // ... and its description changed.
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: 'Overlegorgaan wijzigen' });
    await edit.getByLabel('Omschrijving').fill('Afspraken tussen scholen, CLB en jeugdhulp in de regio.');
    await edit.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('Afspraken tussen scholen, CLB en jeugdhulp in de regio.').waitFor();
    await closeMessage(page, 'De gegevens zijn bewaard.');

    // 2. Members: Ruben joins as chair; he leaves today and Els Vermeulen continues his seat tomorrow.
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    const member = page.getByRole('form', { name: 'Nieuw lid' });
    await member.getByRole('combobox', { name: 'Persoon' }).fill('Ruben');
    await page.getByRole('option', { name: 'Ruben Claeys' }).click();
    await pick(page, 'Rol', 'Voorzitter');
    await expectNoSeriousA11yViolations(page);
    await member.getByRole('button', { name: 'Lid toevoegen' }).click();
    await closeMessage(page, 'Het lid is toegevoegd.');
    await page.getByRole('listitem').filter({ hasText: 'Ruben Claeys — Voorzitter' }).waitFor();

    await page.getByRole('button', { name: 'Vertrek noteren van Ruben Claeys' }).click();
    const leave = page.getByRole('form', { name: 'Vertrek noteren van Ruben Claeys' });
    await leave.getByRole('combobox', { name: 'Opvolger (niet verplicht)' }).fill('Els Verm');
    await page.getByRole('option', { name: 'Els Vermeulen' }).click();
    await leave.getByRole('button', { name: 'Vertrek noteren' }).click();
    await closeMessage(page, 'Het vertrek is genoteerd. Els Vermeulen volgt op.');
    await page.getByRole('heading', { name: 'Toekomstige leden' }).waitFor();
    await page.getByText('volgt Ruben Claeys op').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govman-body-1280.png', fullPage: true });

    // 3. Two meetings; the first gets an agenda.
    await planMeeting(page, '20/04/2099', 'Stadhuis, zaal 2');
    await closeMessage(page, 'De vergadering is gepland.');
    await page.getByRole('link', { name: BODY }).click();
    await page.getByRole('heading', { level: 1, name: BODY }).waitFor();
    await planMeeting(page, '16/03/2099', 'CLB Polderland');
    await closeMessage(page, 'De vergadering is gepland.');
    await page.getByRole('link', { name: 'https://meet.example.org/onderwijs' }).waitFor();

    await page.getByRole('button', { name: 'Vergadering wijzigen' }).click();
    const meetingEdit = page.getByRole('dialog', { name: 'Vergadering wijzigen' });
    await meetingEdit.getByLabel('Plaats').fill('CLB Polderland, zaal Noord');
    await meetingEdit.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText(/CLB Polderland, zaal Noord/).first().waitFor();
    await closeMessage(page, 'De vergadering is bewaard.');

    // 4. Agenda items: add three, change one, remove one.
    await addItem(page, 'Welkom en kennismaking', 'Voorzitter', 'Informatie');
    await closeMessage(page, 'Het agendapunt is toegevoegd.');
    await addItem(page, 'Schoolverzuim: afspraken met de CLB', 'CLB Polderland', 'Bespreking');
    await closeMessage(page, 'Het agendapunt is toegevoegd.');
    await addItem(page, 'Varia', 'Iedereen', 'Informatie');
    await closeMessage(page, 'Het agendapunt is toegevoegd.');

    await page.getByRole('button', { name: 'Agendapunt wijzigen: Schoolverzuim: afspraken met de CLB' }).click();
    const itemEdit = page.getByRole('form', { name: 'Agendapunt wijzigen: Schoolverzuim: afspraken met de CLB' });
    await itemEdit.getByLabel('Titel').fill('Schoolverzuim: werkafspraken CLB en jeugdhulp');
    await pick(page, 'Soort', 'Beslissing');
    await itemEdit.getByRole('button', { name: 'Bewaren' }).click();
    await closeMessage(page, 'Het agendapunt is bewaard.');
    const agenda = page.getByRole('list', { name: 'Agenda' });
    await agenda.getByRole('heading', { name: '2. Schoolverzuim: werkafspraken CLB en jeugdhulp' }).waitFor();

    await page.getByRole('button', { name: 'Agendapunt verwijderen: Varia' }).click();
    await page.getByRole('dialog', { name: 'Agendapunt verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();
    await closeMessage(page, 'Het agendapunt is verwijderd.');
    expect(await agenda.getByRole('heading', { name: /Varia/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    // 5. Carry the decision item over to the April meeting.
    await page.getByRole('button', { name: 'Overdragen naar een latere vergadering: Schoolverzuim: werkafspraken CLB en jeugdhulp' }).click();
    await pick(page, 'Naar de vergadering van', /20 april 2099/);
    await page.getByRole('form', { name: /^Overdragen naar een latere vergadering/ }).getByRole('button', { name: 'Overdragen' }).click();
    await closeMessage(page, 'Het agendapunt staat nu ook op de agenda van de latere vergadering.');
    // The origin shows where the item went.
    await page.getByRole('link', { name: /^Overgedragen naar de vergadering van .*20 april 2099$/ }).waitFor();

    // 6. Approve the minutes at the April meeting: frozen, corrections become amendments.
    await page.getByRole('heading', { name: 'Verslag goedkeuren' }).waitFor();
    await page.getByRole('button', { name: 'Verslag goedkeuren' }).click();
    await page.getByRole('dialog', { name: 'Verslag goedkeuren?' }).getByRole('button', { name: 'Verslag goedkeuren' }).click();
    await closeMessage(page, 'Het verslag is goedgekeurd.');
    await page.getByText('Het verslag is goedgekeurd en kan niet meer veranderen.').waitFor();
    expect(await page.getByRole('button', { name: 'Agendapunt toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Agendapunt verwijderen/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Correctie toevoegen bij Welkom en kennismaking' }).click();
    await page.getByRole('textbox', { name: 'Correctie' }).fill('Ook Nadia Bouzid was aanwezig.');
    await page.getByRole('button', { name: 'Correctie bewaren' }).click();
    await closeMessage(page, 'De correctie is toegevoegd.');
    await page.getByText('Ook Nadia Bouzid was aanwezig.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govman-meeting-1280.png', fullPage: true });

    // The April meeting has the carried-over item.
    await page.getByRole('link', { name: BODY }).click();
    await page.getByRole('link', { name: /20 april 2099/ }).click();
    await page.getByRole('list', { name: 'Agenda' }).getByRole('heading', { name: '1. Schoolverzuim: werkafspraken CLB en jeugdhulp' }).waitFor();
    // …linked to its origin: the link opens the March meeting.
    await page.getByRole('link', { name: /^Overgedragen van de vergadering van .*16 maart 2099$/ }).click();
    await page.getByRole('heading', { level: 1, name: /16 maart 2099/ }).waitFor();
    expect(errors).toEqual([]);
  }, SLOW);

  it('on a phone the forms fit and nothing scrolls sideways', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg', { width: 360, height: 740 });
    await page.getByRole('heading', { level: 1, name: 'Overleg' }).waitFor();
    await page.getByRole('link', { name: DEMO_IROJ_NAME }).first().click();
    await page.getByRole('heading', { level: 1, name: DEMO_IROJ_NAME }).waitFor();
    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await page.getByRole('form', { name: 'Nieuw lid' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govman-body-360.png', fullPage: true });
    await page.getByRole('button', { name: 'Annuleren' }).click();

    await page.getByRole('button', { name: 'Vergadering plannen' }).click();
    await page.getByRole('dialog', { name: 'Vergadering plannen' }).getByRole('textbox', { name: 'Datum' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govman-meeting-form-360.png', fullPage: true });
    await page.getByRole('dialog', { name: 'Vergadering plannen' }).getByRole('button', { name: 'Annuleren' }).click();

    await page.getByRole('list', { name: 'Komende vergaderingen' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await page.getByRole('form', { name: 'Nieuw agendapunt' }).waitFor();
    await page.getByRole('button', { name: /^Overdragen naar een latere vergadering/ }).first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govman-meeting-360.png', fullPage: true });

    // The previous meeting's draft minutes are approved at this meeting.
    await page.getByRole('heading', { name: 'Verslag van de vorige vergadering' }).waitFor();
    await page.getByRole('button', { name: 'Goedkeuren op deze vergadering' }).click();
    await page.getByRole('dialog', { name: 'Verslag goedkeuren?' }).getByRole('button', { name: 'Verslag goedkeuren' }).click();
    await closeMessage(page, 'Het verslag is goedgekeurd.');
    await page.getByRole('heading', { name: 'Verslag van de vorige vergadering' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: DEMO_IROJ_NAME }).click();
    await page.getByRole('list', { name: 'Voorbije vergaderingen' }).getByText('Verslag goedgekeurd').first().waitFor();
    expect(await page.getByRole('list', { name: 'Voorbije vergaderingen' }).getByText('Verslag in ontwerp').count()).toBe(0);
    expect(errors).toEqual([]);
  }, SLOW);
});
