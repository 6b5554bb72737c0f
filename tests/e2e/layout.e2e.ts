import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';
import { loginDemo as login } from './demo-login.js';

const VISITOR_PAGES = ['/', '/aanmelden', '/begrippen', '/regio/noord-west-vlaanderen', '/prioriteitencommissie', '/overleg', '/bestaat/niet'];
const ADMIN_PAGES = ['/', '/beheer', '/beheer/personen', '/beheer/audit', '/account', '/begrippen'];

/** Waits until the page itself (not the loading placeholder) is shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

describe.skipIf(!hasChromium)('layout, navigation and plain language in Chromium', () => {
  const e2e = useE2e();

  it('never scrolls sideways at 360 px for a visitor, long headings included', async () => {
    const page = await e2e.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    for (const path of VISITOR_PAGES) {
      await page.goto(e2e.baseUrl + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settled(page);
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
    // The longest heading: it wraps instead of sticking out.
    await page.goto(e2e.baseUrl + '/prioriteitencommissie');
    const heading = page.getByRole('heading', { level: 1, name: 'Prioriteitencommissie (IRPC)' });
    const box = await heading.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  });

  it('explains jargon with a tooltip and a glossary page reachable from the navigation', async () => {
    const page = await e2e.page({ viewport: { width: 1280, height: 800 } });
    await page.goto(e2e.baseUrl + '/');
    const term = page.getByRole('link', { name: 'overbruggingshulp' });
    await term.waitFor();
    // Screen readers hear the meaning; sighted users see it on hover and focus.
    expect(await term.getAttribute('aria-describedby')).toBeTruthy();
    await term.focus();
    await page.getByRole('tooltip').getByText('Hulp terwijl je wacht op de hulp die je eigenlijk nodig hebt.').waitFor();
    await term.click();
    await page.getByRole('heading', { level: 1, name: 'Begrippen' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#bridgingHelp');
    await page.getByRole('heading', { level: 2, name: 'Overbruggingshulp' }).waitFor();
    for (const name of ['IRPC', 'RTJ', 'IROJ', 'Audit']) await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bridging help' }).waitFor();
  });

  it('for an administrator: tables whole at 1280 px, nothing sideways at 360 px, Belgian date inputs, dialogs without duplicate landmarks', async () => {
    const page = await e2e.page({ viewport: { width: 1280, height: 800 } });
    await page.goto(e2e.baseUrl + '/aanmelden');
    await login(page, 'beheer@samenplan.demo');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Overzicht', 'Sociale kaart', 'Aanbod bijhouden', 'Overleg', 'Samen leren', 'Beheer', 'Begrippen']);

    // The audit table shows every column without scrolling at 1280 px.
    await page.goto(e2e.baseUrl + '/beheer/audit');
    const table = page.getByRole('table', { name: 'Audit' });
    await table.getByRole('cell', { name: 'Aangemeld', exact: true }).first().waitFor();
    expect(await table.locator('xpath=..').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    // So does the people table, and an e-mail address wraps only before the @, never mid-word.
    await page.goto(e2e.baseUrl + '/beheer/personen');
    const people = page.getByRole('table', { name: 'Personen' });
    await people.getByRole('rowheader', { name: 'Sofie Maes' }).waitFor();
    expect(await people.locator('xpath=..').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const email = people.getByText('orgbeheer@samenplan.demo');
    // At most two lines (name, then @domain): no break inside a word.
    const lines = await email.evaluate((el) => {
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
      return Math.round(el.getBoundingClientRect().height / lineHeight);
    });
    expect(lines).toBeLessThanOrEqual(2);
    await page.goto(e2e.baseUrl + '/beheer/audit');
    await table.getByRole('cell', { name: 'Aangemeld', exact: true }).first().waitFor();

    // Date filters: Mantine's input in Belgian order, typed or picked, Monday first, Dutch month names.
    // Everything happened today: nothing up to and including 3 November 2026.
    const from = page.getByRole('textbox', { name: 'Tot en met' });
    await from.fill('3/11/2026');
    await page.keyboard.press('Tab');
    await expect.poll(() => from.inputValue()).toBe('03/11/2026');
    await from.click();
    await page.getByText('november 2026', { exact: false }).first().waitFor();
    expect(await page.locator('thead').last().innerText()).toMatch(/^Ma\s+Di/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText('Niets gevonden met deze filters.').waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ADMIN_PAGES) {
      await page.goto(e2e.baseUrl + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settled(page);
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }

    // A dialog: no serious findings, and its header is not a second banner.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(e2e.baseUrl + '/account');
    await page.getByRole('button', { name: 'Overal afmelden' }).click();
    await page.getByRole('dialog', { name: 'Overal afmelden?' }).waitFor();
    await page.waitForTimeout(300); // the opening transition
    const results = await new AxeBuilder({ page }).analyze();
    const ids = results.violations.map((v) => v.id);
    expect(ids.filter((id) => /landmark/.test(id))).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });
});
