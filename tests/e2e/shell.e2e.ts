import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';

describe.skipIf(!hasChromium)('web app shell in Chromium', () => {
  const e2e = useE2e();

  it('renders the home page in Dutch with the regions from the API, and passes axe', async () => {
    const page = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(e2e.baseUrl + '/');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByText('Noord-West-Vlaanderen').first().waitFor();
    await expect.poll(() => page.title()).toContain('Samenplan');
    // Only what works for a visitor: no modules still being built, no administration.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overzicht', 'Sociale kaart', 'Begrippen']);
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches to English, remembers it after a reload, and switches back', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(e2e.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Samenplan' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Samenplan' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('NL').click();
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await context.close();
  });

  it('shows a region with its municipalities, and a 404 page for unknown paths', async () => {
    const page = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(e2e.baseUrl + '/regio/noord-west-vlaanderen');
    await page.getByRole('heading', { level: 1, name: 'Noord-West-Vlaanderen' }).waitFor();
    await page.getByRole('table').getByText('Knokke-Heist').first().waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.goto(e2e.baseUrl + '/bestaat/niet');
    // Pages load on first use: wait for the page itself, not the loading placeholder's heading.
    await page.getByRole('link', { name: 'Naar het overzicht' }).first().waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  it('works at phone width: the menu opens from a button and navigates', async () => {
    const page = await (await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })).newPage();
    await page.goto(e2e.baseUrl + '/');
    await page.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    // No horizontal scrolling at 360 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Begrippen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Begrippen' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
