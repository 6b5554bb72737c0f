import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { DEMO_IROJ_NAME } from '../../src/server/db/demo/governance.js';

const SLOW = 150_000;
const IROJ = DEMO_IROJ_NAME;

describe.skipIf(!hasChromium)('consultation (overleg) in Chromium', () => {
  const e2e = useE2e();

  it('the secretary opens the next meeting, reorders an item, writes a decision and adds an action', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg');
    await page.getByRole('heading', { level: 1, name: 'Overleg' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleg' }).waitFor();
    await page.getByRole('table', { name: 'Mijn overlegorganen' }).getByRole('rowheader', { name: IROJ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/governance-bodies-1280.png', fullPage: true });

    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('heading', { level: 1, name: IROJ }).waitFor();
    await page.getByText('volgt Marc Dewulf op').waitFor();
    await page.getByRole('heading', { name: 'Vroegere leden' }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe agendalink maken' }).click();
    await page.getByText(/\/api\/governance\/calendar\/.+\.ics/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/governance-body-1280.png', fullPage: true });

    await page.getByRole('list', { name: 'Komende vergaderingen' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();
    const followUp = page.getByTestId('follow-up');
    await followUp.getByText('Locatie voor 200 personen met drie zalen zoeken').waitFor();
    await followUp.getByText('Schrijven aan de jeugdrechters opstellen en versturen').waitFor();
    expect(await page.getByRole('link', { name: 'Verslag (Word)' }).getAttribute('href')).toMatch(/minutes\.docx$/);
    expect(await page.getByRole('link', { name: 'In mijn agenda (.ics)' }).getAttribute('href')).toMatch(/meeting\.ics$/);

    // Reorder: the client representation goes up above the approval of the minutes.
    const agenda = page.getByRole('list', { name: 'Agenda' });
    await page.getByRole('button', { name: 'Informatie vanuit cliëntvertegenwoordiging naar boven' }).click();
    await page.getByText('De volgorde is bewaard.').waitFor();
    await agenda.getByRole('heading', { name: '3. Informatie vanuit cliëntvertegenwoordiging' }).waitFor();
    await agenda.getByRole('heading', { name: '4. Opvolging vorig verslag' }).waitFor();

    // A decision under the regional plan item.
    await page.getByRole('button', { name: 'Verslag bewerken: Regioplan: budget netwerkdag vrijgeven' }).click();
    await page.getByLabel('Besluit').fill('Het IROJ geeft het budget voor de netwerkdag vrij.');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Verslag bewaren' }).click();
    await page.getByText('Het IROJ geeft het budget voor de netwerkdag vrij.').waitFor();

    // An action for the member Ruben.
    await page.getByRole('button', { name: 'Actie toevoegen: Regioplan: budget netwerkdag vrijgeven' }).click();
    await page.getByLabel('Omschrijving van de actie').fill('Factuur van de zaal bezorgen aan het IROJ');
    await page.getByRole('combobox', { name: 'Eigenaar (persoon)' }).click();
    await page.getByRole('option', { name: 'Ruben Claeys' }).click();
    await page.getByRole('textbox', { name: 'Tegen (datum)' }).fill('15/01/2099');
    await page.getByRole('button', { name: 'Actie toevoegen', exact: true }).click();
    await page.getByText('De actie is toegevoegd.').waitFor();
    await page.getByText('Factuur van de zaal bezorgen aan het IROJ').waitFor();
    // The message closes by itself after a few seconds: close it now, so axe never measures it half faded.
    const message = page.locator('.mantine-Notification-root').filter({ hasText: 'De actie is toegevoegd.' });
    await message.getByRole('button', { name: 'Sluiten' }).click();
    await message.waitFor({ state: 'detached' });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/governance-meeting-1280.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('a member sees "Mijn acties" on a phone and the meeting without the secretary\'s tools', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/overleg', { width: 360, height: 740 });
    await page.getByRole('heading', { level: 1, name: 'Overleg' }).waitFor();
    await page.getByRole('link', { name: IROJ }).waitFor();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/governance-bodies-360.png', fullPage: true });
    await page.getByRole('link', { name: 'Mijn acties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor();
    await page.getByText('Uitnodiging netwerkdag verspreiden bij de eigen teams').waitFor();
    await page.getByText('Factuur van de zaal bezorgen aan het IROJ').waitFor();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/governance-my-actions-360.png', fullPage: true });
    // The owner closes their own action.
    await page.getByRole('button', { name: 'Actie afsluiten: Uitnodiging netwerkdag verspreiden bij de eigen teams' }).click();
    await page.getByText('De actie is afgesloten.').waitFor();

    await page.getByRole('link', { name: new RegExp(`${IROJ}, vergadering van`) }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();
    expect(await page.getByRole('button', { name: /naar boven$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Verslag bewerken/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/governance-meeting-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
