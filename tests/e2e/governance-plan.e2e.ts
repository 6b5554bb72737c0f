import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { DEMO_IROJ_NAME } from '../../src/server/db/demo/governance.js';

const SLOW = 150_000;
const IROJ = DEMO_IROJ_NAME;

/** Success messages fade out by themselves: close them first, so axe never measures one half transparent. */
async function closeMessage(page: Page, text: string) {
  await page.getByText(text).waitFor();
  const message = page.locator('.mantine-Notification-root').filter({ hasText: text });
  await message.getByRole('button', { name: 'Sluiten' }).click();
  await message.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('regional plan and indicators (overleg) in Chromium', () => {
  const e2e = useE2e();

  it('the secretary opens the demo plan, releases an action choosing the decision it comes from, adds an action and a measurement', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg');
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('heading', { level: 1, name: IROJ }).waitFor();
    await page.getByRole('heading', { name: 'Regionaal plan' }).waitFor();
    await page.getByRole('link', { name: /^Regionaal plan \d{4}$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Regionaal plan \d{4}$/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Plan als CSV' }).getAttribute('href')).toMatch(/plan\.csv$/);
    // The demo plan (seed 003): every status; the active budget leaves out the moved fair and the dropped study day.
    // Intl writes a no-break space between the euro sign and the amount.
    expect((await page.getByTestId('active-budget').textContent())?.replace(/\s/g, ' ')).toBe('€ 8.500,00');
    const fair = page.getByTestId('plan-action-3');
    await fair.getByText('Inspiratiebeurs dak- en thuisloosheid bij jongvolwassenen').waitFor();
    await fair.getByText('Verschoven', { exact: true }).waitFor();
    const training = page.getByTestId('plan-action-2');
    await training.getByText(/€10 deelnemersbijdrage per deelnemer/).waitFor();
    // Released is not a step from "agreed in principle": no button for it.
    expect(await training.getByRole('button', { name: 'Vrijgeven' }).count()).toBe(0);

    // The network day (approved) is released by the decision of the next meeting, chosen from the body's decisions.
    const day = page.getByTestId('plan-action-1');
    await day.getByText(/ongeveer 200 deelnemers/).waitFor();
    await day.getByRole('button', { name: 'Vrijgeven' }).click();
    const form = day.getByRole('form', { name: 'Status van actie 1 wijzigen naar Vrijgegeven' });
    await form.getByRole('combobox', { name: 'Beslissing (agendapunt)' }).click();
    await page.getByRole('option', { name: /Regioplan: budget netwerkdag vrijgeven \(gepland\)/ }).click();
    await form.getByRole('textbox', { name: 'Opmerking' }).fill('Offerte van de zaal ontvangen.');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govplan-status-form-1280.png', fullPage: true });
    await form.getByRole('button', { name: 'Status wijzigen naar Vrijgegeven' }).click();
    await closeMessage(page, 'De status is nu: Vrijgegeven.');
    await day.getByText('Vrijgegeven', { exact: true }).waitFor();
    expect(await day.getByRole('button', { name: 'Schrappen' }).count()).toBe(0);
    await day.getByRole('button', { name: 'Geschiedenis tonen: 1' }).click();
    const history = day.getByTestId('plan-history');
    await history.getByText('Goedgekeurd → Vrijgegeven').waitFor();
    await history.getByText('Offerte van de zaal ontvangen.').waitFor();
    // The decisions behind the changes: the last meeting's, and now the next meeting's, each a link to its meeting.
    // (the last meeting's decision is behind two changes: budget request due and approved)
    await history.getByRole('link', { name: /^Regioplan: acties en budgetten \(vergadering van / }).first().waitFor();
    expect(await history.getByRole('link', { name: /^Regioplan: acties en budgetten \(vergadering van / }).count()).toBe(2);
    const link = history.getByRole('link', { name: /^Regioplan: budget netwerkdag vrijgeven \(vergadering van / });
    expect(await link.getAttribute('href')).toMatch(/^\/overleg\/vergadering\//);

    // A new action, agreed in principle at the last meeting's plan item.
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByLabel('Wat gebeurt er?').fill('Vormingsreeks voor onderwijsambassadeurs');
    await page.getByLabel('Verantwoordelijke').fill('Bureau IROJ');
    await page.getByLabel('Budget (euro)').fill('750');
    const addForm = page.getByRole('form', { name: 'Actie toevoegen' });
    await addForm.getByRole('combobox', { name: 'Beslissing (agendapunt)' }).click();
    await page.getByRole('option', { name: /Regioplan: acties en budgetten/ }).click();
    await addForm.getByRole('button', { name: 'Actie toevoegen', exact: true }).click();
    await closeMessage(page, 'De actie is toegevoegd.');
    const added = page.getByTestId('plan-action-7');
    await added.getByText('Vormingsreeks voor onderwijsambassadeurs').waitFor();
    await added.getByText('Principieel akkoord', { exact: true }).waitFor();
    await added.getByRole('button', { name: 'Geschiedenis tonen: 7' }).click();
    await added.getByTestId('plan-history').getByRole('link', { name: /^Regioplan: acties en budgetten/ }).waitFor();

    // An indicator entered by hand: today's measurement, once a day.
    const intervisions = page.getByTestId('indicator').filter({ hasText: 'Intervisies met onderwijsambassadeurs' });
    await intervisions.getByRole('img', { name: /3 metingen, laatste 3 intervisies, doel 4 intervisies/ }).waitFor();
    await intervisions.getByRole('textbox', { name: 'Waarde (intervisies)' }).fill('4');
    await intervisions.getByRole('button', { name: 'Meting bewaren' }).click();
    await closeMessage(page, 'De meting is bewaard.');
    expect(await intervisions.getByTestId('indicator-latest').textContent()).toBe('4 intervisies');
    await intervisions.getByRole('textbox', { name: 'Waarde (intervisies)' }).fill('5');
    await intervisions.getByRole('button', { name: 'Meting bewaren' }).click();
    await intervisions.getByRole('alert').waitFor();
    expect(await intervisions.getByTestId('indicator-latest').textContent()).toBe('4 intervisies');
    await page.getByTestId('indicator').filter({ hasText: 'Organisaties met een onderwijsambassadeur' }).getByRole('button', { name: 'Meet nu: Organisaties met een onderwijsambassadeur' }).waitFor();

    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/govplan-plan-1280.png', fullPage: true });

    // The link in the history opens the meeting that decided.
    await link.click();
    await page.waitForURL(/\/overleg\/vergadering\//);
    await page.getByText('Regioplan: budget netwerkdag vrijgeven').first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /^Regionaal plan \d{4}$/ }).waitFor();

    // Publish the plan to the whole network (its approved and released actions).
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
    await page.getByText('Inspiratiebeurs dak- en thuisloosheid bij jongvolwassenen').waitFor();
    await page.getByRole('img', { name: /Organisaties ondersteund in hun beleid/ }).waitFor();
    await page.getByRole('button', { name: 'Geschiedenis tonen: 1' }).click();
    await page.getByTestId('plan-history').getByRole('link', { name: /^Regioplan: budget netwerkdag vrijgeven \(vergadering van / }).waitFor();
    expect(await page.getByRole('button', { name: 'Actie toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vrijgeven' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Meting bewaren' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Beslissing (agendapunt)' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/govplan-plan-360.png', fullPage: true });

    await page.goto(`${e2e.baseUrl}/overleg/gepubliceerd`);
    await page.getByRole('heading', { level: 1, name: 'Gepubliceerd' }).waitFor();
    await page.getByRole('button', { name: /^Lezen: Regionaal plan \d{4}$/ }).click();
    await page.getByText('Goedgekeurd budget: € 5.700,00').waitFor();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: '/tmp/govplan-published-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
