import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { DEMO_IROJ_NAME } from '../../src/server/db/demo/governance.js';

const SLOW = 180_000;
const IROJ = DEMO_IROJ_NAME;

async function closeMessage(page: Page, text: string) {
  const message = page.locator('.mantine-Notification-root').filter({ hasText: text });
  await message.waitFor();
  await message.getByRole('button', { name: 'Sluiten' }).click();
  await message.waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('presenter and owner pickers on the meeting page in Chromium', () => {
  const e2e = useE2e();

  it('the secretary picks a presenter among the members and an owner organisation, and sees them shown', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg');
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('heading', { level: 1, name: IROJ }).waitFor();
    await page.getByRole('list', { name: 'Komende vergaderingen' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();

    // An agenda item presented by a member (chosen) with a free text next to it.
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Nieuw agendapunt' });
    await form.getByLabel('Titel').fill('Aanbod geestelijke gezondheid voor scholen');
    await form.getByRole('combobox', { name: 'Presentator (persoon)' }).click();
    await page.getByRole('option', { name: 'Pieter Lannoo', exact: true }).click();
    await form.getByLabel('Wie brengt het?').fill('namens CGG Eikenhof');
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await closeMessage(page, 'Het agendapunt is toegevoegd.');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /\d+\. Aanbod geestelijke gezondheid voor scholen$/ }) });
    await item.getByText('Door Pieter Lannoo — namens CGG Eikenhof').waitFor();

    // Changing it keeps the chosen person shown in the form.
    await item.getByRole('button', { name: 'Agendapunt wijzigen: Aanbod geestelijke gezondheid voor scholen' }).click();
    const edit = page.getByRole('form', { name: 'Agendapunt wijzigen: Aanbod geestelijke gezondheid voor scholen' });
    expect(await edit.getByRole('combobox', { name: 'Presentator (persoon)' }).inputValue()).toBe('Pieter Lannoo');
    await edit.getByRole('button', { name: 'Annuleren' }).click();

    // An action: no owner is refused in the form; an organisation alone is enough.
    await item.getByRole('button', { name: 'Actie toevoegen: Aanbod geestelijke gezondheid voor scholen' }).click();
    await item.getByLabel('Omschrijving van de actie').fill('Aanbod voor scholen bundelen in één overzicht');
    await item.getByRole('textbox', { name: 'Tegen (datum)' }).fill('15/01/2099');
    await item.getByRole('button', { name: 'Actie toevoegen', exact: true }).click();
    await item.getByText('Geef een eigenaar: een persoon, een organisatie of beide.').waitFor();
    await item.getByRole('combobox', { name: 'Eigenaar (organisatie)' }).click();
    await page.getByRole('option', { name: 'CLB Scheldevallei', exact: true }).click();
    await expectNoSeriousA11yViolations(page);
    await item.getByRole('button', { name: 'Actie toevoegen', exact: true }).click();
    await closeMessage(page, 'De actie is toegevoegd.');
    const action = item.getByRole('listitem').filter({ hasText: 'Aanbod voor scholen bundelen in één overzicht' });
    await action.getByText(/^CLB Scheldevallei · tegen /).waitFor();

    // A second action: a member and the organisation they represent, both as owner.
    await item.getByRole('button', { name: 'Actie toevoegen: Aanbod geestelijke gezondheid voor scholen' }).click();
    await item.getByLabel('Omschrijving van de actie').fill('Contactpersoon per school doorgeven');
    await item.getByRole('textbox', { name: 'Tegen (datum)' }).fill('15/02/2099');
    await item.getByRole('combobox', { name: 'Eigenaar (persoon)' }).click();
    await page.getByRole('option', { name: 'Pieter Lannoo', exact: true }).click();
    await item.getByRole('combobox', { name: 'Eigenaar (organisatie)' }).click();
    await page.getByRole('option', { name: 'CGG Eikenhof', exact: true }).click();
    await item.getByRole('button', { name: 'Actie toevoegen', exact: true }).click();
    await closeMessage(page, 'De actie is toegevoegd.');
    await item.getByRole('listitem').filter({ hasText: 'Contactpersoon per school doorgeven' }).getByText(/^Pieter Lannoo, CGG Eikenhof · tegen /).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/governance-pickers-1280.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('the pickers fit on a phone', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg', { width: 360, height: 740 });
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('list', { name: 'Komende vergaderingen' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await page.getByRole('combobox', { name: 'Presentator (persoon)' }).waitFor();
    await page.getByRole('button', { name: 'Actie toevoegen: Regioplan: budget netwerkdag vrijgeven' }).click();
    await page.getByRole('combobox', { name: 'Eigenaar (organisatie)' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
  }, SLOW);
});
