import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';

describe.skipIf(!hasChromium)('the responsive list in Chromium', () => {
  const e2e = useE2e();

  it('shows municipalities as a sortable table with a total at 1280 px', async () => {
    const page = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(e2e.baseUrl + '/regio/noord-west-vlaanderen');
    const table = page.getByRole('table', { name: 'Gemeenten' });
    await table.getByRole('rowheader', { name: 'Beernem' }).waitFor();
    // A–Z by name first.
    expect(await table.locator('tbody tr').first().getByRole('rowheader').innerText()).toBe('Beernem');
    await table.getByRole('button', { name: 'Inwoners' }).click();
    // Largest first.
    await expect.poll(() => table.locator('tbody tr').first().getByRole('rowheader').innerText()).toBe('Brugge');
    expect(await table.getByRole('columnheader', { name: 'Inwoners' }).getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tfoot').innerText()).toMatch(/Totaal\s+440\.525/);
    // Not cut off: the table fits its region.
    const clipped = await table.locator('xpath=..').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(clipped).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('shows municipalities as cards on a phone (360 px), sortable with buttons, without sideways scrolling', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl + '/regio/noord-west-vlaanderen');
    const cards = page.getByRole('list', { name: 'Gemeenten' });
    await cards.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await cards.getByRole('listitem').count()).toBe(17);
    expect(await cards.getByRole('listitem').first().innerText()).toMatch(/^Beernem/);
    const sortByInhabitants = page.getByRole('group', { name: 'Sorteren op' }).getByRole('button', { name: 'Inwoners' });
    await sortByInhabitants.click();
    await expect.poll(() => cards.getByRole('listitem').first().innerText()).toMatch(/^Brugge/);
    expect(await sortByInhabitants.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
