import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 180_000;
const PARTNERSHIP = 'CGG Zeewind en Jeugdhulp Kustlijn: samen bij complexe vragen';

describe.skipIf(!hasChromium)('collaboration toolkit (samenwerking) in Chromium', () => {
  const e2e = useE2e();

  it('a partner sees where the partners differ, fills in the barometer for a new round and sees the chart', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/samen-leren/samenwerking');
    await page.getByRole('heading', { level: 1, name: 'Samenwerking' }).waitFor();
    await page.getByRole('link', { name: PARTNERSHIP }).first().waitFor();
    expect(await page.getByText('CLB Polderland en MFC De Linde').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/toolkit-list-1280.png', fullPage: true });

    await page.getByRole('link', { name: PARTNERSHIP }).first().click();
    await page.getByRole('heading', { level: 1, name: PARTNERSHIP }).waitFor();
    // The first round: the partners lie 2 apart on two criteria.
    const select = page.getByLabel('Kies een ronde');
    const first = await select.locator('option').first().getAttribute('value');
    await select.selectOption(first ?? '');
    const compare = page.getByRole('region', { name: 'Waar kijken jullie anders?' });
    await compare.getByText('Jullie kijken anders naar 2 criteria.').waitFor();
    expect(await compare.getByText('Verschil van 2').count()).toBe(2);
    await page.getByRole('region', { name: 'Scores door de tijd' }).getByRole('img', { name: /Lijngrafiek van de scores van Elkaar kennen/ }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/toolkit-partnership-1280.png', fullPage: true });

    // A new round, and my organisation's view.
    await page.getByRole('button', { name: 'Ronde toevoegen' }).click();
    await page.getByText('De ronde is toegevoegd.').first().waitFor();
    const view = page.getByRole('region', { name: 'De kijk van Jeugdhulp Kustlijn vzw' });
    for (const [criterion, score] of [['Elkaar kennen', '5'], ['Gedeelde doelen', '4'], ['Duidelijke afspraken', '4'], ['Open communicatie', '3'], ['Meerwaarde voor jongeren en gezinnen', '4']] as const) {
      await view.getByRole('radiogroup', { name: `Score voor ${criterion}` }).getByRole('radio', { name: score, exact: true }).check();
    }
    await view.getByRole('radio', { name: 'Samenwerken' }).check();
    const items = view.locator('label', { hasText: /^Ja$/ });
    for (let i = 0; i < (await items.count()); i++) await items.nth(i).click();
    await view.getByRole('button', { name: 'Kijk opslaan' }).click();
    await page.getByText('Jullie kijk is opgeslagen.').first().waitFor();
    await compare.getByText('5 / 5').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
  }, SLOW);

  it('a partner deletes a round only they filled in, after confirming; a round another partner filled in is refused with a clear message', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/samen-leren/samenwerking');
    await page.getByRole('link', { name: PARTNERSHIP }).first().click();
    await page.getByRole('heading', { level: 1, name: PARTNERSHIP }).waitFor();
    const select = page.getByLabel('Kies een ronde');
    const before = await select.locator('option').count();
    await page.getByRole('button', { name: 'Ronde toevoegen' }).click();
    await page.getByText('De ronde is toegevoegd.').first().waitFor();
    await expect.poll(() => select.locator('option').count()).toBe(before + 1);

    // The new (empty) round: asked first, cancel keeps it; confirm deletes it.
    await page.getByRole('button', { name: /^Ronde van .+ verwijderen$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ronde verwijderen?' });
    await dialog.getByText(/wordt definitief verwijderd/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await select.locator('option').count()).toBe(before + 1);
    await page.getByRole('button', { name: /^Ronde van .+ verwijderen$/ }).click();
    await dialog.getByRole('button', { name: 'Ronde verwijderen' }).click();
    await page.getByText(/^Ronde van .+ is verwijderd\.$/).first().waitFor();
    await expect.poll(() => select.locator('option').count()).toBe(before);

    // The demo's first round: both partners filled in their view, so a partner cannot delete it.
    const first = await select.locator('option').first().getAttribute('value');
    await select.selectOption(first ?? '');
    await page.getByRole('button', { name: /^Ronde van .+ verwijderen$/ }).click();
    await dialog.getByText(/met de 2 ingevulde kijken erin/).waitFor();
    await dialog.getByRole('button', { name: 'Ronde verwijderen' }).click();
    await page.getByText(/Een andere partner vulde in deze ronde al zijn kijk in/).waitFor();
    expect(await select.locator('option').count()).toBe(before);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/toolkit-round-delete-1280.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('on a phone the partnership page fits, and a coordinator opens the texts editor', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren/samenwerking', { width: 360, height: 740 });
    await page.getByRole('link', { name: 'CLB Polderland en MFC De Linde: leerlingen met een beperking' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Scores door de tijd' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/toolkit-partnership-360.png', fullPage: true });
    await page.goto(new URL('/samen-leren/samenwerking/teksten', page.url()).toString());
    await page.getByRole('heading', { level: 1, name: 'Teksten van de samenwerkingstoolkit' }).waitFor();
    await page.getByText('Huidige versie: 1').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/toolkit-content-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('a coordinator adds a criterion and a phase and removes them again; a criterion partners scored is refused with a clear message', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren/samenwerking/teksten');
    await page.getByRole('heading', { level: 1, name: 'Teksten van de samenwerkingstoolkit' }).waitFor();
    const version = (await page.getByText(/^Huidige versie: \d+$/).innerText()).replace(/\D/g, '');

    // The demo partnerships scored every default criterion: removing the first is refused, nothing changes.
    await page.getByRole('button', { name: 'Criterium 1 verwijderen' }).click();
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await page.getByText(/Dit criterium heeft al antwoorden van partners en kan niet verwijderd worden/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.reload();
    await page.getByText(`Huidige versie: ${version}`).waitFor();

    // Add a criterion and a phase.
    const criteria = await page.getByRole('button', { name: /^Criterium \d+ verwijderen$/ }).count();
    const phases = await page.getByRole('button', { name: /^Fase \d+ verwijderen$/ }).count();
    await page.getByRole('button', { name: 'Criterium toevoegen' }).click();
    await page.getByRole('group', { name: `Criterium ${criteria + 1}` }).getByRole('textbox', { name: /^Titel/ }).fill('Een gedeelde taal');
    // The group is named after its title once it has one.
    const criterion = page.getByRole('group', { name: 'Een gedeelde taal' });
    await criterion.getByRole('textbox', { name: /^Zwakke samenwerking/ }).fill('We praten langs elkaar heen.');
    await criterion.getByRole('textbox', { name: /^Sterke samenwerking/ }).fill('We spreken dezelfde taal.');
    await page.getByRole('button', { name: 'Fase toevoegen' }).click();
    await page.getByRole('group', { name: `Fase ${phases + 1}` }).getByRole('textbox', { name: /^Titel/ }).fill('Samen bijsturen');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    const added = Number(version) + 1;
    await page.getByText(`Huidige versie: ${added}`).waitFor();
    await page.getByRole('group', { name: 'Een gedeelde taal' }).waitFor();
    await page.getByRole('group', { name: 'Samen bijsturen' }).waitFor();

    // Nobody scored them yet: both can go again.
    await page.getByRole('button', { name: `Criterium ${criteria + 1} verwijderen` }).click();
    await page.getByRole('button', { name: `Fase ${phases + 1} verwijderen` }).click();
    await page.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await page.getByText(`Huidige versie: ${added + 1}`).waitFor();
    expect(await page.getByRole('group', { name: 'Een gedeelde taal' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Samen bijsturen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Criterium \d+ verwijderen$/ }).count()).toBe(criteria);
    expect(errors).toEqual([]);
  }, SLOW);
});
