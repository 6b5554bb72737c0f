import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 150_000;
const IROJ = 'IROJ West-Vlaanderen';

/** Success messages fade out by themselves: close them first, so axe never measures one half transparent. */
async function closeMessage(page: Page, text: string) {
  await page.getByText(text).waitFor();
  const message = page.locator('.mantine-Notification-root').filter({ hasText: text });
  await message.getByRole('button', { name: 'Sluiten' }).click();
  await message.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('regional plan and indicators (overleg) in Chromium', () => {
  const e2e = useE2e();

  it('the secretary starts the plan, adds an action with a budget, approves it, and follows an indicator', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg');
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('heading', { level: 1, name: IROJ }).waitFor();
    await page.getByRole('heading', { name: 'Regionaal plan' }).waitFor();
    await page.getByText('Er is nog geen regionaal plan.').waitFor();
    await page.getByRole('button', { name: 'Plan starten' }).click();
    const year = await page.getByLabel('Jaar').inputValue();
    await page.getByRole('button', { name: 'Plan aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: `Regionaal plan ${year}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Plan als CSV' }).getAttribute('href')).toMatch(/plan\.csv$/);

    // An action of €1.500 with a participant fee.
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByLabel('Wat gebeurt er?').fill('Inspiratiebeurs onderwijsambassadeurs');
    await page.getByLabel('Verantwoordelijke').fill('Bureau IROJ');
    await page.getByLabel('Budget (euro)').fill('1500');
    await page.getByLabel('Voorwaarden').fill('€10 deelnemersbijdrage per deelnemer');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Actie toevoegen', exact: true }).last().click();
    await closeMessage(page, 'De actie is toegevoegd.');
    const action = page.getByTestId('plan-action-1');
    await action.getByText('Inspiratiebeurs onderwijsambassadeurs').waitFor();
    await action.getByText('€ 1.500,00').waitFor();
    await action.getByText('Principieel akkoord').waitFor();
    // Intl writes a no-break space between the euro sign and the amount.
    expect((await page.getByTestId('active-budget').textContent())?.replace(/\s/g, ' ')).toBe('€ 1.500,00');
    // Released is not a step from "agreed in principle": no button for it.
    expect(await action.getByRole('button', { name: 'Vrijgeven' }).count()).toBe(0);

    await action.getByRole('button', { name: 'Goedkeuren' }).click();
    await closeMessage(page, 'De status is nu: Goedgekeurd.');
    await action.getByText('Goedgekeurd', { exact: true }).waitFor();
    await action.getByRole('button', { name: 'Vrijgeven' }).waitFor();
    await action.getByRole('button', { name: 'Geschiedenis tonen: 1' }).click();
    await action.getByTestId('plan-history').getByText('Principieel akkoord → Goedgekeurd').waitFor();

    // An indicator entered by hand, with a target and two measurements.
    await page.getByRole('button', { name: 'Indicator toevoegen' }).click();
    await page.getByLabel('Naam').fill('Deelnemers netwerkdag');
    await page.getByLabel('Eenheid').fill('personen');
    await page.getByLabel('Doel').fill('200');
    await page.getByRole('button', { name: 'Indicator toevoegen', exact: true }).last().click();
    await closeMessage(page, 'De indicator is toegevoegd.');
    const indicator = page.getByTestId('indicator');
    await indicator.getByText('nog niet gemeten').waitFor();
    await indicator.getByRole('textbox', { name: 'Datum' }).fill('01/01/2026');
    await indicator.getByRole('textbox', { name: 'Waarde (personen)' }).fill('120');
    await indicator.getByRole('button', { name: 'Meting bewaren' }).click();
    await closeMessage(page, 'De meting is bewaard.');
    await indicator.getByRole('textbox', { name: 'Datum' }).fill('01/02/2026');
    await indicator.getByRole('textbox', { name: 'Waarde (personen)' }).fill('180');
    await indicator.getByRole('button', { name: 'Meting bewaren' }).click();
    await closeMessage(page, 'De meting is bewaard.');
    await indicator.getByRole('img', { name: /Deelnemers netwerkdag: 2 metingen, laatste 180 personen, doel 200 personen/ }).waitFor();
    expect(await indicator.getByTestId('indicator-latest').textContent()).toBe('180 personen');

    // A second measurement on the same day is refused with a clear message, and nothing changes.
    await indicator.getByRole('textbox', { name: 'Datum' }).fill('01/02/2026');
    await indicator.getByRole('textbox', { name: 'Waarde (personen)' }).fill('5');
    await indicator.getByRole('button', { name: 'Meting bewaren' }).click();
    await indicator.getByRole('alert').waitFor();
    expect(await indicator.getByTestId('indicator-latest').textContent()).toBe('180 personen');

    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govplan-plan-1280.png', fullPage: true });

    // Publish the plan to the whole network (its approved action).
    await page.getByRole('button', { name: 'Plan publiceren' }).click();
    await closeMessage(page, 'Gepubliceerd voor het netwerk.');
    await page.getByText(/Gepubliceerd voor alle netwerkpartners sinds/).waitFor();

    // A file on the next meeting: checked on its content, listed with its agenda item.
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('list', { name: 'Komende vergaderingen' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Bijlagen' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'agenda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
    await closeMessage(page, 'Het bestand is toegevoegd.');
    expect(await page.getByTestId('attachments').getByRole('link', { name: 'agenda.pdf' }).getAttribute('href')).toMatch(/\/api\/governance\/meeting-attachments\//);
    await page.locator('input[type=file]').setInputFiles({ name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all', 'latin1') });
    await page.getByText(/Dit soort bestand kan niet als bijlage/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govplan-meeting-1280.png', fullPage: true });
    expect(errors.filter((e) => !/409|400|Conflict|Bad Request/.test(e))).toEqual([]);
  }, SLOW);

  it('a member reads the plan on a phone, without the secretary\'s tools', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/overleg', { width: 360, height: 740 });
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('heading', { level: 1, name: IROJ }).waitFor();
    await page.getByRole('link', { name: /^Regionaal plan \d{4}$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Regionaal plan \d{4}$/ }).waitFor();
    await page.getByText('Inspiratiebeurs onderwijsambassadeurs').waitFor();
    await page.getByRole('img', { name: /Deelnemers netwerkdag/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Actie toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vrijgeven' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Meting bewaren' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/govplan-plan-360.png', fullPage: true });

    await page.goto(`${e2e.baseUrl}/overleg/gepubliceerd`);
    await page.getByRole('heading', { level: 1, name: 'Gepubliceerd' }).waitFor();
    await page.getByRole('button', { name: /^Lezen: Regionaal plan \d{4}$/ }).click();
    await page.getByText('Goedgekeurd budget: € 1.500,00').waitFor();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/govplan-published-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
