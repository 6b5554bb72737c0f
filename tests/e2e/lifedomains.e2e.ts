import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';
import { loginDemo } from './demo-login.js';

/** Logging in with a fresh TOTP step can take a minute. */
const SLOW = 150_000;

describe.skipIf(!hasChromium)('the life-domain list under Beheer in Chromium', () => {
  const e2e = useE2e();

  async function open(width: number, height: number) {
    const context = await e2e.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${e2e.baseUrl}/beheer/levensdomeinen`);
    await loginDemo(page, 'beheer@samenplan.demo');
    await page.getByRole('heading', { level: 2, name: 'Levensdomeinen' }).waitFor();
    return { context, page, errors };
  }

  it('a platform admin adds a domain, retires it and deletes it again (1280 px)', async () => {
    const { context, page, errors } = await open(1280, 800);
    const table = page.getByRole('table', { name: 'Levensdomeinen' });
    await table.getByRole('rowheader', { name: 'Onderwijs en school' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    const code = `e2e_${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Nieuw levensdomein' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw levensdomein' });
    await dialog.getByLabel('Code').fill(code);
    await dialog.getByLabel('Naam (Nederlands)').fill('Proefdomein');
    await dialog.getByLabel('Naam (Engels)').fill('Trial domain');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    const row = table.getByRole('row', { name: /Proefdomein/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Actief');

    await page.getByRole('button', { name: 'Proefdomein op inactief zetten' }).click();
    await page.getByRole('button', { name: 'Proefdomein weer actief maken' }).waitFor();
    expect(await row.innerText()).toContain('Inactief');

    await page.getByRole('button', { name: 'Proefdomein verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Levensdomein verwijderen?' });
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await row.waitFor({ state: 'detached' });
    // A domain in use cannot be deleted: no delete button for Onderwijs en school.
    expect(await page.getByRole('button', { name: 'Onderwijs en school verwijderen' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('shows the domains as cards on a phone (360 px)', async () => {
    const { context, page } = await open(360, 740);
    await page.getByText('Onderwijs en school', { exact: true }).first().waitFor();
    expect(await page.getByRole('table', { name: 'Levensdomeinen' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  }, SLOW);
});
