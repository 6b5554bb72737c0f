import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { loginDemo } from './demo-login.js';

const SLOW = 180_000;
const SHOTS = process.env.E2E_SCREENSHOTS;


describe.skipIf(!hasChromium)('my work and the coordinator summary on the home page in Chromium', () => {
  const e2e = useE2e();

  it('a professional lands on Mijn werk: actions, who waits with bridging help, what changed; opening the family clears its news (1280 and 360 px)', async () => {
    const page = await e2e.page({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/aanmelden`);
    await loginDemo(page, 'hulpverlener@samenplan.demo');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { level: 2, name: 'Mijn werk' }).waitFor();

    const actions = page.getByRole('region', { name: 'Acties' });
    await actions.getByText('Wachtlijst opvolgen en gezin op de hoogte houden').waitFor();
    await actions.getByText('Slaapdagboek van Jasper bespreken met het gezin').waitFor();
    const waiting = page.getByRole('region', { name: 'Wie wacht' });
    const rosseelWait = waiting.getByRole('listitem').filter({ hasText: 'Gezin Rosseel' });
    await rosseelWait.getByText('Met overbruggende hulp').waitFor();
    await rosseelWait.getByText(/wacht 55 dagen/).waitFor();
    const changes = page.getByRole('region', { name: 'Nieuw sinds je laatste bezoek' });
    const rosseelNews = changes.getByRole('listitem').filter({ hasText: 'Gezin Rosseel' });
    await rosseelNews.getByText('1 nieuwe versie van het plan').waitFor();
    await rosseelNews.getByText('Nog niet geopend').waitFor();
    await page.getByRole('region', { name: 'Evaluaties' }).waitFor();
    await page.getByRole('region', { name: 'Aanmeldingen bij de termijn' }).waitFor();
    // A professional who is not a coordinator gets no request summary.
    expect(await page.getByRole('heading', { name: 'Aanmeldingen in je regio' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/work-1280.png`, fullPage: true });

    // Opening the family records the visit: back home, its news is gone.
    await rosseelNews.getByRole('link', { name: 'Gezin Rosseel' }).click();
    await page.getByRole('heading', { level: 1, name: /Gezin Rosseel/ }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mijn werk' }).waitFor();
    await waiting.getByText('Gezin Rosseel').first().waitFor();
    // The cached answer shows first; the fresh one (fetched on return) no longer lists the family.
    await expect.poll(() => changes.getByRole('listitem').filter({ hasText: 'Gezin Rosseel' }).count(), { timeout: 15_000 }).toBe(0);

    // On a phone: the same sections, one under the other, without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await actions.getByText('Wachtlijst opvolgen en gezin op de hoogte houden').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/work-360.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);

  it('a coordinator sees the region\'s request counts on the home page and reaches the board (1280 and 360 px); a visitor sees neither', async () => {
    const visitor = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${e2e.baseUrl}/`);
    await visitor.getByRole('heading', { level: 1, name: 'Welkom bij Samenplan' }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Zo werken we' }).waitFor();
    expect(await visitor.getByRole('heading', { name: 'Mijn werk' }).count()).toBe(0);
    expect(await visitor.getByRole('heading', { name: 'Aanmeldingen in je regio' }).count()).toBe(0);

    const page = await e2e.page({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/aanmelden`);
    await loginDemo(page, 'coordinator@samenplan.demo');
    await page.getByRole('heading', { level: 2, name: 'Aanmeldingen in je regio' }).waitFor();
    const overdue = page.getByTestId('summary-overdue').filter({ hasNotText: '…' });
    await overdue.waitFor();
    // The demo region has an overdue request (Gezin Vanparys).
    const overdueCount = (await overdue.innerText()).trim();
    expect(Number(overdueCount)).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('heading', { name: 'Mijn werk' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/summary-1280.png`, fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Naar het aanmeldingenbord' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmeldingen' }).waitFor();
    // The board counts the same requests as the summary.
    const boardOverdue = page.getByTestId('count-overdue').filter({ hasNotText: '…' });
    await boardOverdue.waitFor();
    expect((await boardOverdue.innerText()).trim()).toBe(overdueCount);
    expect(errors).toEqual([]);
  }, SLOW);
});
