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
