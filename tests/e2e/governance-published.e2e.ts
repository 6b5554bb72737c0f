import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { DEMO_IROJ_NAME } from '../../src/server/db/demo/governance.js';

const SLOW = 180_000;
const IROJ = DEMO_IROJ_NAME;
const CORRECTION = 'Het schrijven gaat ook naar het parket van Oost-Vlaanderen.';

describe.skipIf(!hasChromium)('published decisions with their amendments in Chromium', () => {
  const e2e = useE2e();

  it('the secretary corrects approved minutes and publishes the decisions; a professional reads the decision with its correction on a phone', async () => {
    const { page, errors } = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/overleg');
    await page.getByRole('link', { name: IROJ }).click();
    await page.getByRole('heading', { level: 1, name: IROJ }).waitFor();
    // The oldest past meeting: its minutes were approved at the next one.
    await page.getByRole('list', { name: 'Voorbije vergaderingen' }).getByRole('link').last().click();
    await page.getByRole('heading', { level: 1, name: /^Vergadering van / }).waitFor();
    await page.getByText('Het verslag is goedgekeurd en kan niet meer veranderen.').waitFor();
    await page.getByRole('button', { name: 'Correctie toevoegen bij Spanningen crisisnetwerk en jeugdrechters' }).click();
    await page.getByRole('textbox', { name: 'Correctie' }).fill(CORRECTION);
    await page.getByRole('button', { name: 'Correctie bewaren' }).click();
    await page.getByText('De correctie is toegevoegd.').waitFor();
    await page.getByRole('button', { name: 'Beslissingen publiceren' }).click();
    await page.getByText(/^Gepubliceerd voor alle netwerkpartners sinds /).waitFor();
    expect(errors).toEqual([]);

    const reader = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/overleg/gepubliceerd', { width: 360, height: 740 });
    await reader.page.getByRole('heading', { level: 1, name: 'Gepubliceerd' }).waitFor();
    await reader.page.getByRole('button', { name: /^Lezen: Beslissingen van / }).first().click();
    await reader.page.getByText('Het IROJ richt een schrijven aan alle jeugdrechters van de provincie met de vraag naar dialoog.').waitFor();
    await reader.page.getByText('Rechtzettingen na goedkeuring').waitFor();
    await reader.page.getByText(CORRECTION).waitFor();
    await expectNoSeriousA11yViolations(reader.page);
    await expectNoSidewaysScroll(reader.page);
    await reader.page.screenshot({ path: 'test-results/governance-published-amendments-360.png', fullPage: true });
    expect(reader.errors).toEqual([]);
  }, SLOW);
});
