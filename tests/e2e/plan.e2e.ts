import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { expectNoSeriousA11yViolations, hasChromium, useE2e } from './fixture.js';

const STEP_MS = 30_000;
const SLOW = 240_000;
const SHOTS = process.env.E2E_SCREENSHOTS;

/** One TOTP code per 30-second step per account. */
const lastStep = new Map<string, number>();
async function freshCode(email: string): Promise<string> {
  const used = lastStep.get(email) ?? -1;
  let step = Math.floor(Date.now() / STEP_MS);
  if (step <= used) {
    await new Promise((resolve) => setTimeout(resolve, (used + 1) * STEP_MS - Date.now() + 250));
    step = Math.floor(Date.now() / STEP_MS);
  }
  lastStep.set(email, step);
  return totpCode(DEMO_TOTP_SECRET, new Date(step * STEP_MS + 1_000));
}

async function openAs(browser: Browser, baseUrl: string, email: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 740 : 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/account`);
  await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByLabel('Code van 6 cijfers').fill(await freshCode(email));
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/aanmelden'));
  return page;
}

/** The id of a demo family the person can open (through the API, with the page's session). */
async function familyId(page: Page, name: string): Promise<string> {
  const body = await page.evaluate(async (q) => (await fetch(`/api/families?q=${encodeURIComponent(q)}`)).json(), name);
  const found = (body as { data: { items: { id: string; name: string }[] } }).data.items.find((f) => f.name === name);
  if (!found) throw new Error(`family ${name} not found`);
  return found.id;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)('the family plan in Chromium', () => {
  const e2e = useE2e();

  it(
    'two professionals edit the plan; the second gets the conflict message, keeps their draft and saves on top',
    async () => {
      const ruben = await openAs(e2e.browser, e2e.baseUrl, 'hulpverlener@samenplan.demo', 1280);
      const amira = await openAs(e2e.browser, e2e.baseUrl, 'clb@samenplan.demo', 360);
      const id = await familyId(ruben, 'Gezin Decoster');

      for (const page of [ruben, amira]) {
        await page.goto(`${e2e.baseUrl}/gezinnen/${id}/plan`);
        await page.getByRole('heading', { level: 1, name: 'Gezinsplan' }).waitFor();
        await page.getByRole('heading', { level: 2, name: 'Wat we willen bereiken' }).waitFor();
        await expectNoSeriousA11yViolations(page);
      }
      await shot(ruben, 'plan-1280');
      await shot(amira, 'plan-360');

      // Both open the editor on the same version.
      await ruben.getByRole('button', { name: 'Plan aanpassen' }).click();
      await amira.getByRole('button', { name: 'Plan aanpassen' }).click();
      await amira.getByRole('button', { name: 'Iets wat goed gaat toevoegen' }).waitFor();
      await expectNoSeriousA11yViolations(amira);
      await shot(amira, 'editor-360');

      // Ruben saves first (an agreement, and the story).
      await ruben.getByRole('textbox', { name: 'Ons verhaal' }).fill('Het verhaal zoals papa het vertelde.');
      await ruben.getByRole('button', { name: 'Een afspraak toevoegen' }).click();
      await ruben.getByLabel(/^Afspraken \d+$/).last().fill('We bellen elkaar elke maandag');
      await ruben.getByLabel('Wat heb je veranderd?').fill('Afspraak over bellen');
      await ruben.getByRole('button', { name: 'Bewaren als nieuwe versie' }).click();
      await ruben.getByText('We bellen elkaar elke maandag').waitFor();

      // Amira, still on the older version, adds a strength and saves: conflict, draft kept.
      await amira.getByRole('button', { name: 'Iets wat goed gaat toevoegen' }).click();
      await amira.getByLabel(/^Wat goed gaat \d+$/).last().fill('Roos vraagt zelf om hulp');
      await amira.getByRole('textbox', { name: 'Ons verhaal' }).fill('Het verhaal zoals Roos het vertelde.');
      await amira.getByLabel('Wat heb je veranderd?').fill('Sterkte toegevoegd');
      await amira.getByRole('button', { name: 'Bewaren als nieuwe versie' }).click();
      const alert = amira.getByRole('alert').filter({ hasText: 'Iemand anders heeft het plan intussen bewaard' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Ruben Claeys');
      expect(await alert.textContent()).toContain('We bellen elkaar elke maandag');
      expect(await amira.getByLabel(/^Wat goed gaat \d+$/).last().inputValue()).toBe('Roos vraagt zelf om hulp');
      // Both changed the story: both texts side by side, her own chosen unless she picks his.
      const story = alert.getByRole('radiogroup', { name: 'Ons verhaal' });
      await story.getByText('Het verhaal zoals papa het vertelde.').waitFor();
      await story.getByText('Het verhaal zoals Roos het vertelde.').waitFor();
      expect(await story.getByRole('radio', { name: 'Mijn versie' }).isChecked()).toBe(true);
      expect(await amira.getByRole('textbox', { name: 'Ons verhaal' }).inputValue()).toBe('Het verhaal zoals Roos het vertelde.');
      await expectNoSeriousA11yViolations(amira);
      await shot(amira, 'conflict-360');
      expect(await amira.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await story.getByRole('radio', { name: 'De versie van Ruben Claeys' }).check();

      await amira.getByRole('button', { name: 'Mijn wijzigingen bovenop de nieuwste versie zetten' }).click();
      expect(await amira.getByRole('textbox', { name: 'Ons verhaal' }).inputValue()).toBe('Het verhaal zoals papa het vertelde.');
      await amira.getByRole('button', { name: 'Bewaren als nieuwe versie' }).click();
      await amira.getByText('Roos vraagt zelf om hulp').waitFor();
      // Nothing lost: both changes are in the newest version, with the story she chose.
      await amira.getByText('We bellen elkaar elke maandag').waitFor();
      await amira.getByText('Het verhaal zoals papa het vertelde.').waitFor();

      // History and comparison.
      await ruben.goto(`${e2e.baseUrl}/gezinnen/${id}/plan/versies`);
      await ruben.getByRole('heading', { level: 1, name: 'Versies van het gezinsplan' }).waitFor();
      await ruben.getByRole('cell', { name: 'Sterkte toegevoegd' }).waitFor();
      await ruben.getByText('Wat goed gaat toegevoegd: Roos vraagt zelf om hulp').waitFor();
      await expectNoSeriousA11yViolations(ruben);
      await shot(ruben, 'versions-1280');

      await amira.goto(`${e2e.baseUrl}/gezinnen/${id}/plan/afdruk`);
      await amira.getByRole('heading', { level: 1, name: 'Gezinsplan van Gezin Decoster' }).waitFor();
      await expectNoSeriousA11yViolations(amira);
      await shot(amira, 'print-360');
      await ruben.context().close();
      await amira.context().close();
    },
    SLOW,
  );
});
