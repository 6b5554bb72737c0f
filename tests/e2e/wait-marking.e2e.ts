import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { openFamilyTab } from './family-file.js';

/** Logging in and a fresh TOTP step per login can take a minute. */
const SLOW = 240_000;

// Issue 11, "Wat het gezin niet ziet": a professional marks a wait (on creation and afterwards).
describe.skipIf(!hasChromium)('the marking of a wait: what the family sees', () => {
  const e2e = useE2e();

  async function openWaits(page: Page, name: string) {
    await openFamilyTab(page, e2e.baseUrl, name, 'Wachten');
    await page.getByRole('heading', { level: 2, name: 'Wachten op hulp' }).waitFor();
  }

  async function storedWaits(page: Page) {
    const familyId = new URL(page.url()).pathname.split('/')[2];
    const res = await page.request.get(`${e2e.baseUrl}/api/families/${familyId}/waits`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { items: { serviceText: string; disclosure: string; youthMemberId: string | null; version: number }[] } }).data.items;
  }

  it('at 1280 px: a new wait of Roos’s own (the youth required), then marked confidential', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/gezinnen', { width: 1280, height: 900 });
    await openWaits(page, 'Gezin Decoster');

    await page.getByRole('button', { name: 'Wacht toevoegen' }).click();
    const add = page.getByRole('dialog', { name: 'Hulp waarop het gezin wacht' });
    await add.getByRole('textbox', { name: /^Hulp of dienst/ }).fill('Kinderpsychiatrie voor Roos');
    const choice = add.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    expect(await choice.getByRole('radio', { name: /^Het gezin ziet dit/ }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: /^Eigen aan de jongere/ }).check();
    const youth = add.getByRole('radiogroup', { name: /^Van welke jongere is dit\?/ });
    expect(await youth.getByRole('radio').count()).toBe(1); // Roos (14), not Jasper (8) nor the parents
    // Without the youth: refused in the form.
    await add.getByRole('button', { name: 'Wacht toevoegen' }).click();
    await add.getByRole('alert').getByText('Kies de jongere van wie dit is.').waitFor();
    await youth.getByRole('radio', { name: /^Roos Decoster/ }).check();
    await expectNoSeriousA11yViolations(page);
    await add.getByRole('button', { name: 'Wacht toevoegen' }).click();
    await add.waitFor({ state: 'hidden' });

    const table = page.getByRole('table', { name: 'Wachten op hulp' });
    const row = table.getByRole('row').filter({ hasText: 'Kinderpsychiatrie voor Roos' });
    await row.getByText('Alleen voor Roos Decoster').waitFor();

    // Afterwards: the current marking is preselected; confidential hides it from the whole family.
    await page.getByRole('button', { name: 'Wat ziet het gezin van Kinderpsychiatrie voor Roos?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wat ziet het gezin?' });
    const again = dialog.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    expect(await again.getByRole('radio', { name: /^Eigen aan de jongere/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /^Roos Decoster/ }).isChecked()).toBe(true);
    await again.getByRole('radio', { name: /^Vertrouwelijk/ }).check();
    expect(await dialog.getByRole('radiogroup', { name: /^Van welke jongere is dit\?/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/wait-marking-dialog-1280.png', fullPage: true });
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Gezin ziet dit niet: vertrouwelijk').waitFor();
    expect(await row.getByText('Alleen voor Roos Decoster').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/wait-marking-list-1280.png', fullPage: true });

    const saved = (await storedWaits(page)).find((w) => w.serviceText === 'Kinderpsychiatrie voor Roos');
    expect(saved).toMatchObject({ disclosure: 'confidential', youthMemberId: null, version: 2 });
    expect(errors).toEqual([]);
  }, SLOW);

  it('at 360 px: the demo wait of Gezin Rosseel marked as about other people, as a card, nothing sideways', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/gezinnen', { width: 360, height: 740 });
    await openWaits(page, 'Gezin Rosseel');
    await page.getByText('Gezin ziet dit', { exact: true }).first().waitFor();
    await expectNoSidewaysScroll(page);

    await page.getByRole('button', { name: /^Wat ziet het gezin van Contextbegeleiding aan huis/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Wat ziet het gezin?' });
    const choice = dialog.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    expect(await choice.getByRole('radio', { name: /^Het gezin ziet dit/ }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: /^Gaat over anderen/ }).check();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/wait-marking-dialog-360.png', fullPage: true });
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Gezin ziet dit niet: gaat over anderen').first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/wait-marking-list-360.png', fullPage: true });

    const saved = (await storedWaits(page)).find((w) => w.serviceText.startsWith('Contextbegeleiding aan huis'));
    expect(saved).toMatchObject({ disclosure: 'third_party', youthMemberId: null });
    expect(errors).toEqual([]);
  }, SLOW);
});
