import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginDemo } from './demo-login.js';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';

const SLOW = 150_000;
/** Where the screenshots go (looked at by hand; not compared). */
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)('families in Chromium', () => {
  const e2e = useE2e();

  async function openAs(email: string, path: string, width: number, height = 800) {
    const context = await e2e.browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + path);
    await loginDemo(page, email);
    return { context, page, errors };
  }

  it(
    'at 1280 px: my families, open a family, add a colleague, record the consent of a 16-year-old (a parent may not give it)',
    async () => {
      const { context, page, errors } = await openAs('hulpverlener@samenplan.demo', '/gezinnen', 1280);
      await page.getByRole('heading', { level: 1, name: 'Gezinnen' }).waitFor();
      await page.getByRole('table', { name: 'Mijn gezinnen' }).getByRole('link', { name: 'Gezin Yilmaz' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await shot(page, 'families-1280');

      await page.getByRole('link', { name: 'Gezin Yilmaz' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gezin Yilmaz' }).waitFor();
      await page.getByRole('heading', { name: 'Gezinsleden' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await shot(page, 'family-1280');

      // Add a colleague of another organisation.
      await page.getByRole('button', { name: 'Collega toevoegen' }).click();
      const teamDialog = page.getByRole('dialog', { name: 'Collega aan het team toevoegen' });
      await teamDialog.getByRole('searchbox', { name: 'Zoek een collega op naam' }).fill('Wout');
      await teamDialog.getByRole('combobox', { name: /^Collega/ }).click();
      await page.getByRole('option', { name: /Wout Peeters/ }).click();
      await expectNoSeriousA11yViolations(page);
      await teamDialog.getByRole('button', { name: 'Collega toevoegen' }).click();
      await teamDialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Team' }).getByText('Wout Peeters').waitFor();

      // Record consent: the parent may not consent for a youth of 16; the youth does.
      await page.getByRole('button', { name: 'Toestemming registreren' }).click();
      const consentDialog = page.getByRole('dialog', { name: 'Toestemming registreren' });
      await consentDialog.getByText('Een jongere van 12 jaar of ouder beslist zelf').waitFor();
      await consentDialog.getByRole('combobox', { name: 'Over wie gaat de toestemming?' }).click();
      await page.getByRole('option', { name: /Aylin Yilmaz/ }).click();
      await consentDialog.getByRole('combobox', { name: 'Wie geeft de toestemming?' }).click();
      await page.getByRole('option', { name: /Hatice Yilmaz/ }).click();
      await consentDialog.getByRole('combobox', { name: 'Aan welke organisatie?' }).click();
      await page.getByRole('option', { name: 'CGG Zeewind' }).click();
      await expectNoSeriousA11yViolations(page);
      await shot(page, 'consent-dialog-1280');
      await consentDialog.getByRole('button', { name: 'Toestemming registreren' }).click();
      await consentDialog.getByRole('alert').getByText(/vanaf 12 jaar geeft een jongere zelf toestemming/).waitFor();
      await consentDialog.getByRole('combobox', { name: 'Wie geeft de toestemming?' }).click();
      await page.getByRole('option', { name: /Aylin Yilmaz/ }).click();
      await consentDialog.getByRole('button', { name: 'Toestemming registreren' }).click();
      await consentDialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Toestemming' }).getByText('Toestemming aan CGG Zeewind').waitFor();
      await shot(page, 'family-after-1280');

      await page.getByRole('link', { name: 'Geschiedenis' }).click();
      await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
      await page.getByText('Toestemming geregistreerd').first().waitFor();
      await expectNoSeriousA11yViolations(page);
      expect(errors).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    'at 360 px: my families as cards, a family page, its history',
    async () => {
      const { context, page, errors } = await openAs('hulpverlener@samenplan.demo', '/gezinnen', 360, 740);
      await page.getByRole('heading', { level: 1, name: 'Gezinnen' }).waitFor();
      await page.getByRole('link', { name: 'Gezin Bonte' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await shot(page, 'families-360');
      await page.getByRole('link', { name: 'Gezin Bonte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gezin Bonte' }).waitFor();
      await page.getByText('Zonder toestemming').first().waitFor();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoSeriousA11yViolations(page);
      await shot(page, 'family-360');
      await page.getByRole('link', { name: 'Geschiedenis' }).click();
      await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      expect(errors).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});
