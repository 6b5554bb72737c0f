import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 240_000;
const DAY = 86_400_000;

/** A day relative to today (UTC, as the demo data is laid out), as the ISO day and as typed in a day field. */
function dayFromToday(days: number): { iso: string; typed: string } {
  const now = new Date();
  const iso = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, typed: `${d}/${m}/${y}` };
}

describe.skipIf(!hasChromium)('exchange learning screens in Chromium', () => {
  const e2e = useE2e();

  it('an org admin publishes an offer, a professional of another organisation asks for a day, the host proposes another day and the visitor accepts it', async () => {
    const team = `Mobiel team Kustlijn ${Date.now().toString(36)}`;
    const first = dayFromToday(20);
    const second = dayFromToday(22);
    const proposed = dayFromToday(27);

    // The host: Sofie Maes, admin of Jeugdhulp Kustlijn vzw, from the learning overview.
    const host = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren');
    await host.page.getByRole('link', { name: 'Wisselleren: een dag meedraaien in een andere sector' }).click();
    await host.page.getByRole('heading', { level: 1, name: 'Wisselleren' }).waitFor();
    // The demo offers of other organisations are listed; hers cannot be asked for by herself.
    await host.page.getByRole('rowheader', { name: /Ambulant team kinderen en jongeren/ }).waitFor();
    await host.page.getByRole('button', { name: 'Nieuw aanbod' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Nieuw aanbod voor wisselleren' });
    await dialog.getByRole('button', { name: 'Publiceren' }).click();
    await dialog.getByText('Vul minstens 2 tekens in.').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Sector' }).or(dialog.getByRole('combobox', { name: 'Sector' })).first().click();
    await host.page.getByRole('option', { name: /Jeugdhulp/ }).first().click();
    await dialog.getByRole('textbox', { name: 'Team' }).fill(team);
    await dialog.getByRole('textbox', { name: 'Wat een bezoeker ziet' }).fill('Ga mee op huisbezoek met het mobiele team en zit aan bij het casusoverleg.');
    for (const day of [first, second]) {
      await dialog.getByRole('textbox', { name: 'Een dag toevoegen' }).fill(day.typed);
      await dialog.getByRole('textbox', { name: 'Een dag toevoegen' }).press('Tab');
      await dialog.getByRole('button', { name: 'Dag toevoegen' }).click();
    }
    await dialog.getByRole('listitem').nth(1).waitFor();
    await dialog.getByRole('textbox', { name: 'Plaatsen per dag' }).fill('2');
    await expectNoSeriousA11yViolations(host.page);
    await dialog.getByRole('button', { name: 'Publiceren' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = host.page.getByRole('row').filter({ has: host.page.getByRole('rowheader', { name: new RegExp(team) }) });
    await row.getByRole('button', { name: `${team} wijzigen` }).waitFor();
    // Her own organisation's offer: no "ask for a day" for her.
    expect(await row.getByRole('button', { name: `Vraag een dag aan bij ${team}` }).count()).toBe(0);
    await expectNoSeriousA11yViolations(host.page);
    await host.page.screenshot({ path: '/tmp/exchange-ui-offers-1280.png', fullPage: true });

    // The visitor: Amira El Idrissi of CLB Polderland (another organisation), on a phone.
    const visitor = await openAsDemo(e2e, 'clb@samenplan.demo', '/samen-leren/wisselleren', { width: 360, height: 740 });
    await visitor.page.getByRole('heading', { level: 1, name: 'Wisselleren' }).waitFor();
    await visitor.page.getByRole('heading', { level: 3, name: team }).waitFor();
    await expectNoSidewaysScroll(visitor.page);
    await expectNoSeriousA11yViolations(visitor.page);
    await visitor.page.screenshot({ path: '/tmp/exchange-ui-offers-360.png', fullPage: true });
    await visitor.page.getByRole('button', { name: `Vraag een dag aan bij ${team}` }).click();
    const ask = visitor.page.getByRole('dialog', { name: 'Vraag een dag aan' });
    await ask.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await ask.getByText('Vul minstens 1 tekens in.').waitFor();
    await ask.getByRole('radio').first().check();
    await ask.getByRole('textbox', { name: 'Je vraag aan de gastorganisatie' }).fill('Veel leerlingen wachten op jeugdhulp; ik wil zien hoe het mobiele team werkt.');
    await expectNoSeriousA11yViolations(visitor.page);
    await ask.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await ask.waitFor({ state: 'detached' });
    await visitor.page.goto(`${e2e.baseUrl}/samen-leren/wisselleren/aanvragen`);
    await visitor.page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    await visitor.page.getByRole('heading', { level: 3, name: team }).waitFor();

    // The host proposes another day.
    await host.page.getByRole('link', { name: 'Mijn aanvragen voor wisselleren' }).click();
    await host.page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    const who = `Amira El Idrissi – ${team}`;
    await host.page.getByRole('button', { name: `Andere dag voorstellen aan ${who}` }).click();
    const propose = host.page.getByRole('dialog', { name: 'Een andere dag voorstellen' });
    await propose.getByRole('textbox', { name: 'Voorgestelde dag' }).fill(proposed.typed);
    await propose.getByRole('textbox', { name: 'Voorgestelde dag' }).press('Tab');
    await propose.getByRole('button', { name: 'Voorstel versturen' }).click();
    await propose.waitFor({ state: 'detached' });
    const hostRow = host.page.getByRole('row').filter({ has: host.page.getByRole('rowheader', { name: new RegExp(team) }) });
    await hostRow.getByText('Andere dag voorgesteld').waitFor();
    expect(await host.page.getByRole('button', { name: `Aanvraag van ${who} aanvaarden` }).count()).toBe(0);
    await expectNoSeriousA11yViolations(host.page);
    await host.page.screenshot({ path: '/tmp/exchange-ui-requests-1280.png', fullPage: true });

    // The visitor accepts the proposed day on her phone.
    await visitor.page.reload();
    await visitor.page.getByRole('button', { name: `Voorgestelde dag aanvaarden (${who})` }).click();
    await visitor.page.getByText('Je aanvaardde de voorgestelde dag.').waitFor();
    const card = visitor.page.getByRole('listitem').filter({ has: visitor.page.getByRole('heading', { level: 3, name: team }) });
    await card.getByText('Aanvaard', { exact: true }).waitFor();
    // The accepted day is the proposed one.
    const dayText = await card.innerText();
    expect(dayText).toContain(proposed.iso.slice(8).replace(/^0/, ''));
    await visitor.page.getByRole('button', { name: `Aanvraag annuleren (${who})` }).waitFor();
    await expectNoSidewaysScroll(visitor.page);
    await expectNoSeriousA11yViolations(visitor.page);
    await visitor.page.screenshot({ path: '/tmp/exchange-ui-requests-360.png', fullPage: true });

    expect(host.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  }, SLOW);

  it('after a visit day the host writes a reflection and reads the visitor\'s, also at 360 px', async () => {
    const { page, errors } = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren/wisselleren/aanvragen', { width: 360, height: 740 });
    await page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    // The demo: Pieter Goethals (CGG Zeewind) spent a day in Leefgroep De Branding 30 days ago; only he wrote a reflection.
    await page.getByRole('button', { name: 'Reflecties bij het bezoek (Pieter Goethals – Leefgroep De Branding)' }).click();
    const dialog = page.getByRole('dialog', { name: /^Reflecties: Leefgroep De Branding/ });
    await dialog.getByText('Een dag in de leefgroep maakte duidelijk hoe weinig tijd er is voor een afspraak op het CGG.').waitFor();
    await dialog.getByRole('button', { name: 'Reflectie schrijven' }).click();
    await dialog.getByRole('button', { name: 'Reflectie bewaren' }).click();
    await dialog.getByText('Schrijf een paar zinnen.').waitFor();
    const text = 'Pieter stelde scherpe vragen over onze wachttijden; we spreken een vaste contactpersoon af met het CGG.';
    await dialog.getByRole('textbox', { name: 'Reflectie' }).fill(text);
    await dialog.getByRole('button', { name: 'Reflectie bewaren' }).click();
    await dialog.getByText(text).waitFor();
    await dialog.getByText('Geschreven door Sofie Maes').waitFor();
    await dialog.getByRole('button', { name: 'Reflectie aanpassen' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/exchange-ui-reflection-360.png', fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Reflecties bij het bezoek (Pieter Goethals – Leefgroep De Branding)' }).filter({ hasText: 'Reflecties (2 van 2)' }).waitFor();
    expect(errors).toEqual([]);
  }, SLOW);

  it('an org admin changing an offer somebody else changed meanwhile gets a clear message and nothing changes; she withdraws it', async () => {
    const first = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren/wisselleren');
    await first.page.getByRole('button', { name: 'Leefgroep De Branding wijzigen' }).click();
    const stale = first.page.getByRole('dialog', { name: 'Aanbod wijzigen' });
    await stale.getByRole('textbox', { name: 'Team' }).waitFor();

    // Meanwhile, in another window, the offer gets 3 places per day.
    const second = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren/wisselleren');
    await second.page.getByRole('button', { name: 'Leefgroep De Branding wijzigen' }).click();
    const fresh = second.page.getByRole('dialog', { name: 'Aanbod wijzigen' });
    await fresh.getByRole('textbox', { name: 'Plaatsen per dag' }).fill('3');
    await fresh.getByRole('button', { name: 'Bewaren' }).click();
    await fresh.waitFor({ state: 'detached' });
    const secondRow = second.page.getByRole('row').filter({ has: second.page.getByRole('rowheader', { name: /^Leefgroep De Branding/ }) });
    await secondRow.getByRole('cell', { name: '3', exact: true }).waitFor();

    await stale.getByRole('textbox', { name: 'Team' }).fill('Leefgroep De Branding (avond)');
    await stale.getByRole('button', { name: 'Bewaren' }).click();
    await stale.getByText('Niet bewaard: dit werd intussen gewijzigd').waitFor();
    await stale.getByText(/Iemand anders heeft dit intussen gewijzigd\./).waitFor();
    await expectNoSeriousA11yViolations(first.page);
    await stale.getByRole('button', { name: 'Annuleren' }).click();
    // Nothing changed: the team keeps its name.
    await first.page.reload();
    await first.page.getByRole('rowheader', { name: /^Leefgroep De Branding Jeugdhulp/ }).waitFor();
    expect(await first.page.getByText('Leefgroep De Branding (avond)').count()).toBe(0);

    await first.page.getByRole('button', { name: 'Leefgroep De Branding intrekken' }).click();
    await first.page.getByRole('dialog', { name: 'Aanbod intrekken?' }).getByRole('button', { name: 'Ja, trek het aanbod in' }).click();
    await first.page.getByText('Het aanbod is ingetrokken.').waitFor();
    const row = first.page.getByRole('row').filter({ has: first.page.getByRole('rowheader', { name: /^Leefgroep De Branding/ }) });
    await row.getByText('Ingetrokken').waitFor();
    expect(await row.getByRole('button', { name: 'Leefgroep De Branding wijzigen' }).count()).toBe(0);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  }, SLOW);
});

/** Declining, cancelling and the visitor's reflection, on a fresh copy of the demo (the block above withdraws an offer). */
describe.skipIf(!hasChromium)('exchange learning: decline, cancel and the visitor\'s reflection in Chromium', () => {
  const e2e = useE2e();

  it('the host declines a request after confirming; the request shows as declined and offers no more steps', async () => {
    const { page, errors } = await openAsDemo(e2e, 'orgbeheer@samenplan.demo', '/samen-leren/wisselleren/aanvragen?kant=host');
    await page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    // The demo: Hanne Desmet (MFC De Brugse Meersen) asked for a second day in Leefgroep De Branding.
    const who = 'Hanne Desmet – Leefgroep De Branding';
    await page.getByRole('button', { name: `Aanvraag van ${who} weigeren` }).click();
    const confirm = page.getByRole('dialog', { name: 'Weigeren?' });
    await confirm.getByText(/De aanvraag van Hanne Desmet voor .* bij Leefgroep De Branding wordt geweigerd\./).waitFor();
    await expectNoSeriousA11yViolations(page);
    // Thinking better of it changes nothing.
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Aanvraag van ${who} aanvaarden` }).waitFor();

    await page.getByRole('button', { name: `Aanvraag van ${who} weigeren` }).click();
    await page.getByRole('dialog', { name: 'Weigeren?' }).getByRole('button', { name: 'Ja, weigeren' }).click();
    await page.getByText('Geweigerd.', { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Hanne Desmet' }).filter({ hasText: 'avondoverleg' });
    await row.getByText('Geweigerd', { exact: true }).waitFor();
    for (const name of [`Aanvraag van ${who} aanvaarden`, `Aanvraag van ${who} weigeren`, `Andere dag voorstellen aan ${who}`]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    // Still declined after a reload (the server's state, not the screen's).
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'avondoverleg' }).getByText('Geweigerd', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
  }, SLOW);

  it('a requester cancels her own request on her phone after confirming; a visit that took place cannot be cancelled', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/samen-leren/wisselleren/aanvragen', { width: 360, height: 740 });
    await page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    // The demo: Ruben Claeys asked for a day in Dagcentrum De Meersen (12 days from now) and visited the CGG 20 days ago.
    const who = 'Ruben Claeys – Dagcentrum De Meersen';
    await page.getByRole('button', { name: `Aanvraag annuleren (${who})` }).click();
    const confirm = page.getByRole('dialog', { name: 'Aanvraag annuleren?' });
    await confirm.getByText(/Je aanvraag voor .* bij Dagcentrum De Meersen wordt geannuleerd\./).waitFor();
    await expectNoSeriousA11yViolations(page);
    await confirm.getByRole('button', { name: 'Ja, annuleer' }).click();
    await page.getByText('Je aanvraag is geannuleerd.').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Dagcentrum De Meersen' }) });
    await card.getByText('Geannuleerd', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Aanvraag annuleren (${who})` }).count()).toBe(0);
    // The visit that took place: reflections, no cancelling.
    await page.getByRole('button', { name: 'Reflecties bij het bezoek (Ruben Claeys – Ambulant team kinderen en jongeren)' }).waitFor();
    expect(await page.getByRole('button', { name: 'Aanvraag annuleren (Ruben Claeys – Ambulant team kinderen en jongeren)' }).count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/exchange-ui-cancelled-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('after the visit day the visitor writes her first reflection at 360 px; it is stored, and the host reads it', async () => {
    const visitor = await openAsDemo(e2e, 'clb@samenplan.demo', '/samen-leren/wisselleren/aanvragen', { width: 360, height: 740 });
    const page = visitor.page;
    await page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    // The demo: Amira El Idrissi spent a day in Dagcentrum De Meersen 15 days ago and wrote nothing yet.
    const open = page.getByRole('button', { name: 'Reflecties bij het bezoek (Amira El Idrissi – Dagcentrum De Meersen)' });
    await open.filter({ hasText: 'Reflecties (0 van 2)' }).waitFor();
    await open.click();
    const dialog = page.getByRole('dialog', { name: /^Reflecties: Dagcentrum De Meersen/ });
    await dialog.getByRole('heading', { name: 'Reflectie van de gastorganisatie, MFC De Brugse Meersen' }).waitFor();
    await dialog.getByText('Nog niet geschreven.').waitFor();
    await dialog.getByText('Je schreef nog geen reflectie.').waitFor();
    await dialog.getByRole('button', { name: 'Reflectie schrijven' }).click();
    await dialog.getByRole('button', { name: 'Reflectie bewaren' }).click();
    await dialog.getByText('Schrijf een paar zinnen.').waitFor();
    const text = 'Het dagcentrum biedt ook opvang in de vakanties; ik breng dat voortaan ter sprake bij het klassenoverleg.';
    await dialog.getByRole('textbox', { name: 'Reflectie' }).fill(text);
    await dialog.getByRole('button', { name: 'Reflectie bewaren' }).click();
    await dialog.getByText(text).waitFor();
    await dialog.getByRole('button', { name: 'Reflectie aanpassen' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/exchange-ui-visitor-reflection-360.png', fullPage: true });
    await page.keyboard.press('Escape');
    await open.filter({ hasText: 'Reflecties (1 van 2)' }).waitFor();
    // Stored: after a reload it is still hers.
    await page.reload();
    await open.filter({ hasText: 'Reflecties (1 van 2)' }).click();
    await page.getByRole('dialog', { name: /^Reflecties: Dagcentrum De Meersen/ }).getByText(text).waitFor();
    expect(visitor.errors).toEqual([]);

    // The host: Katrien Dewitte, admin of MFC De Brugse Meersen, reads Amira's reflection; hers is still to write.
    const host = await openAsDemo(e2e, 'meersen@samenplan.demo', '/samen-leren/wisselleren/aanvragen');
    await host.page.getByRole('heading', { level: 1, name: 'Aanvragen voor wisselleren' }).waitFor();
    const hostOpen = host.page.getByRole('button', { name: 'Reflecties bij het bezoek (Amira El Idrissi – Dagcentrum De Meersen)' });
    await hostOpen.filter({ hasText: 'Reflecties (1 van 2)' }).click();
    const hostDialog = host.page.getByRole('dialog', { name: /^Reflecties: Dagcentrum De Meersen/ });
    await hostDialog.getByText(text).waitFor();
    await hostDialog.getByRole('button', { name: 'Reflectie schrijven' }).waitFor();
    expect(await hostDialog.getByRole('button', { name: 'Reflectie aanpassen' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(host.page);
    await host.page.screenshot({ path: '/tmp/exchange-ui-host-reads-reflection-1280.png', fullPage: true });
    expect(host.errors).toEqual([]);
  }, SLOW);
});
