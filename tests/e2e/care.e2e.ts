import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';
import { loginDemo } from './demo-login.js';

/** Logging in and a fresh TOTP step per login can take a minute. */
const SLOW = 150_000;

describe.skipIf(!hasChromium)('blocked trajectories for the network coordinator in Chromium', () => {
  const e2e = useE2e();

  it('lists the region’s signals with pseudonyms only, escalates one and shows the case summary (1280 px)', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/signalen`);
    await loginDemo(page, 'coordinator@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    const table = page.getByRole('table', { name: 'Open signalen' });
    await table.getByRole('rowheader', { name: 'G-DEMO-BO' }).first().waitFor();
    const text = await table.innerText();
    expect(text).not.toContain('Bonte');
    expect(text).toContain('Wacht langer dan 90 dagen op hulp');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-signals-1280.png', fullPage: true });

    await page.getByRole('button', { name: 'G-DEMO-BO naar de casustafel' }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Naar de casustafel brengen?' });
    await confirm.getByRole('button', { name: 'Naar de casustafel' }).click();
    const summary = page.getByRole('dialog', { name: 'Samenvatting voor de casustafel' });
    await summary.waitFor();
    const summaryText = await summary.innerText();
    expect(summaryText).toContain('6–11');
    for (const leak of ['Bonte', 'Noah', 'Griet', 'Blankenberge', 'Multifunctioneel']) expect(summaryText).not.toContain(leak);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-summary-1280.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('shows the signals as cards on a phone (360 px)', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/signalen`);
    await loginDemo(page, 'coordinator@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    await page.getByText('G-DEMO-BO').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/care-signals-360.png', fullPage: true });
    await context.close();
  }, SLOW);

  it('a professional gets no signals list (403 from the server, a calm message)', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/signalen`);
    await loginDemo(page, 'hulpverlener@samenplan.demo');
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen trajecten' }).waitFor();
    expect(await page.getByRole('table', { name: 'Open signalen' }).count()).toBe(0);
    await context.close();
  }, SLOW);
});
