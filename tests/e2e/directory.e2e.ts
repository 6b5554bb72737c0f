import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';

const SLOW = 150_000;

describe.skipIf(!hasChromium)('the public sociale kaart in Chromium (no login)', () => {
  const e2e = useE2e();

  async function open(width: number, height: number, path = '/sociale-kaart') {
    const page = await e2e.page({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    return { page, errors };
  }

  const results = (page: Page) => page.getByRole('article');

  it('searches "gezinnen", filters, opens a service and its organisation, and shows the map (1280 px)', async () => {
    const { page, errors } = await open(1280, 900);
    await results(page).first().waitFor();
    // Without words: everything, 20 at a time ("meer laden" follows the keyset cursor).
    expect(await results(page).count()).toBe(20);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect.poll(() => results(page).count()).toBeGreaterThan(20);
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('gezinnen');
    // The words go into the address (debounced), so the search can be shared.
    await page.waitForURL(/[?&]q=gezinnen/);
    await page.getByText(/^\d+ resultaten?$/).waitFor();
    await results(page).first().locator('mark').first().waitFor();
    const allCount = await page.getByText(/^\d+ resultaten?$/).innerText();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-search-1280.png', fullPage: true });

    // A filter combines with the words: only direct access.
    await page.getByLabel('Toegang', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Met verwijzing' }).click();
    await page.waitForURL(/directAccess=false/);
    await page.waitForFunction((before) => !document.body.innerText.includes(before), allCount);
    const filtered = Number((await page.getByText(/^\d+ resultaten?$/).innerText()).split(' ')[0]);
    expect(filtered).toBeLessThan(Number(allCount.split(' ')[0]));
    if (filtered > 0) expect(await results(page).first().innerText()).not.toContain('Rechtstreeks toegankelijk');
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByText(allCount, { exact: true }).waitFor();

    // A shared link gives the same search.
    const shared = await open(1280, 900, `/sociale-kaart?q=gezinnen`);
    await shared.page.getByText(allCount, { exact: true }).waitFor();

    // A detail page, and from there the organisation.
    const first = results(page).first().getByRole('heading', { level: 3 }).getByRole('link');
    const name = await first.innerText();
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-service-1280.png', fullPage: true });
    await page.getByRole('link', { name: 'Sociale kaart' }).first().waitFor();
    const orgLink = page.locator('main a[href^="/sociale-kaart/organisaties/"]').first();
    const orgName = await orgLink.innerText();
    await orgLink.click();
    await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Diensten' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // The map of a region: outlined, points, and the same places as a table.
    const map = await open(1280, 900, '/sociale-kaart?region=west-vlaanderen&weergave=kaart');
    const svg = map.page.getByRole('group', { name: /West-Vlaanderen omlijnd/ });
    await svg.waitFor();
    const points = svg.locator('a');
    expect(await points.count()).toBeGreaterThan(0);
    expect(await map.page.locator('[data-testid="directory-map"] path').count()).toBeGreaterThan(280);
    await map.page.getByRole('button', { name: 'Toon als lijst' }).click();
    const table = map.page.getByRole('table', { name: 'Plaatsen op de kaart' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe((await points.count()) + 1);
    await expectNoSeriousA11yViolations(map.page);
    await map.page.screenshot({ path: 'test-results/directory-map-1280.png', fullPage: true });
    const label = (await points.first().getAttribute('aria-label')) ?? '';
    await points.first().click();
    await map.page.waitForURL(/\/sociale-kaart\/organisaties\//);
    await map.page.getByRole('heading', { level: 1, name: label.split(' (')[1]?.split(')')[0] ?? '' }).waitFor();

    expect([...errors, ...shared.errors, ...map.errors]).toEqual([]);
  }, SLOW);

  it('works on a phone (360 px): search, results, map, without sideways scrolling', async () => {
    const { page, errors } = await open(360, 740, '/sociale-kaart?q=gezinnen');
    await results(page).first().locator('mark').first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-search-360.png', fullPage: true });

    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('qqqxxzzv');
    await page.getByText('Niets gevonden').waitFor();
    await page.getByText(/Probeer een ander woord/).waitFor();

    await page.getByRole('tab', { name: 'Kaart' }).click();
    await page.locator('[data-testid="directory-map"]').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-map-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('says so in Dutch when a place is not (or no longer) on the map', async () => {
    const { page } = await open(1280, 900, '/sociale-kaart');
    await page.goto(`${e2e.baseUrl}/sociale-kaart/aanbod/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    await page.getByText('Dit staat niet (meer) op de sociale kaart.').waitFor();
  }, SLOW);
});
