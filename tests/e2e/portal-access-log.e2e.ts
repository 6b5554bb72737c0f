import { describe, expect, it } from 'vitest';
import { portalLoginMail } from '../helpers/smtp.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2eWithMail } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 240_000;
const YOUTH = 'jongere@samenplan.demo';
const PHONE = { width: 360, height: 740 };
/** The access log's page size (`PORTAL_ACCESS_PAGE` in web/api/portal.ts). */
const PAGE = 50;
const VISITS = 60;

describe.skipIf(!hasChromium)('who opened my file (360×740): "Meer laden" shows the older accesses', () => {
  const e2e = useE2eWithMail();

  it('after 60 visits by Ruben, Roos sees 50, loads more, and then sees every access once; axe clean, no sideways scroll', async () => {
    // Ruben, the contact person, opens the family's plan 60 times through the API (each one an access in the log).
    const pro = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/gezinnen');
    await pro.page.getByRole('link', { name: 'Gezin Decoster' }).first().click();
    await pro.page.getByRole('heading', { level: 1, name: 'Gezin Decoster' }).waitFor();
    const familyId = /\/gezinnen\/([0-9a-f-]{36})/.exec(pro.page.url())?.[1];
    expect(familyId).toBeDefined();
    for (let i = 0; i < VISITS; i++) expect((await pro.page.request.get(`${e2e.baseUrl}/api/families/${familyId}/plan`)).status()).toBe(200);

    // Roos logs in on her phone and opens "Wie keek".
    const page = await e2e.page({ viewport: PHONE });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + '/gezin/aanmelden');
    await page.getByLabel('Je e-mailadres').fill(YOUTH);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByLabel('Code van 6 cijfers').fill((await portalLoginMail(e2e.mails, YOUTH)).code);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Wie keek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie keek in mijn dossier' }).waitFor();

    // Everything the server holds for her, to compare with what the screen shows.
    const all = (await (await page.request.get(`${e2e.baseUrl}/api/portal/access-log?limit=200`)).json()) as { data: { items: { at: string; who: string }[]; nextCursor: number | null } };
    expect(all.data.nextCursor).toBeNull();
    const total = all.data.items.length;
    expect(total).toBeGreaterThanOrEqual(VISITS);
    expect(total).toBeLessThanOrEqual(2 * PAGE);

    const list = page.getByRole('region', { name: 'Wie keek wanneer' }).getByRole('listitem');
    const more = page.getByRole('button', { name: 'Meer laden' });
    await list.nth(PAGE - 1).waitFor();
    expect(await list.count()).toBe(PAGE);
    await list.first().getByText('Ruben Claeys').waitFor();
    await more.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/portal-access-log-first-page.png', fullPage: true });

    await more.click();
    await list.nth(total - 1).waitFor();
    expect(await list.count()).toBe(total);
    // The last page was the last: the button is gone, and the screen lists exactly the server's log, newest first.
    await expect.poll(() => more.count()).toBe(0);
    const names = await list.evaluateAll((items) => items.map((li) => li.querySelector('p')?.textContent ?? ''));
    expect(names).toEqual(all.data.items.map((e) => e.who));
    await list.last().scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: 'test-results/portal-access-log-more.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(pro.errors).toEqual([]);
  }, SLOW);
});
