import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDemoCode, openAsDemo } from './demo-login.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';

const SLOW = 150_000;
/** Where the screenshots go (looked at by hand; not compared). */
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe.skipIf(!hasChromium)('families in Chromium', () => {
  const e2e = useE2e();

  /** A logged-in page of its own; `context` for tests that close it early. */
  async function openAs(email: string, path: string, width: number, height = 800) {
    const opened = await openAsDemo(e2e, email, path, { width, height });
    return { ...opened, context: opened.page.context() };
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
      await expectNoSidewaysScroll(page);
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
  /** The id of a family the page's session may open (through the API, with the page's cookie). */
  async function familyIdOf(page: Page, name: string): Promise<string> {
    const body = await page.evaluate(async (q) => (await fetch(`/api/families?q=${encodeURIComponent(q)}`)).json(), name);
    const found = (body as { data: { items: { id: string; name: string }[] } }).data.items.find((f) => f.name === name);
    if (!found) throw new Error(`family ${name} not found`);
    return found.id;
  }

  it(
    'at 360 px: edit a member (birth date typed as dd/mm/jjjj) and a network person; after the consent is withdrawn the colleague sees why and asks for access without consent (step-up)',
    async () => {
      const ruben = await openAs('hulpverlener@samenplan.demo', '/gezinnen', 360, 740);
      const id = await familyIdOf(ruben.page, 'Gezin Decoster');
      const amira = await openAs('clb@samenplan.demo', `/gezinnen/${id}`, 360, 740);
      await amira.page.getByRole('heading', { level: 1, name: 'Gezin Decoster' }).waitFor();

      // Ruben edits a member: a new name and a birth date typed the Belgian way.
      const page = ruben.page;
      await page.goto(`${e2e.baseUrl}/gezinnen/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Gezin Decoster' }).waitFor();
      await page.getByRole('button', { name: 'Vince Calmeyn wijzigen' }).click();
      const memberDialog = page.getByRole('dialog', { name: 'Vince Calmeyn wijzigen' });
      await memberDialog.getByRole('textbox', { name: 'Naam' }).fill('Vince Calmeyn-Decoster');
      const birth = memberDialog.getByLabel('Geboortedatum');
      await birth.fill('12/03/1985');
      await birth.press('Tab');
      await expectNoSeriousA11yViolations(page);
      await shot(page, 'member-edit-360');
      await memberDialog.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
      await memberDialog.waitFor({ state: 'hidden' });
      const members = page.getByRole('region', { name: 'Gezinsleden' });
      await members.getByText('Vince Calmeyn-Decoster').waitFor();
      await members.getByText(/12 mrt\.? 1985/).waitFor();

      // … and someone of the network: how they help and how to reach them.
      await page.getByRole('button', { name: 'Kato wijzigen' }).click();
      const networkDialog = page.getByRole('dialog', { name: 'Kato wijzigen' });
      expect(await networkDialog.getByRole('textbox', { name: /^Wie is dit voor het gezin/ }).inputValue()).toBe('trainer van de turnclub');
      await networkDialog.getByRole('textbox', { name: 'Wat doet deze persoon mee?' }).fill('brengt Roos op zaterdag naar de wedstrijd');
      await networkDialog.getByRole('textbox', { name: /^Hoe bereik je deze persoon/ }).fill('0470 12 34 56');
      await networkDialog.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
      await networkDialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Netwerk rond het gezin' }).getByText(/brengt Roos op zaterdag naar de wedstrijd · 0470 12 34 56/).waitFor();

      // Ruben withdraws the consent to Amira's CLB: her next request is refused.
      const consents = page.getByRole('region', { name: 'Toestemming' });
      await consents.getByRole('listitem').filter({ hasText: 'Toestemming aan CLB Polderland' }).getByRole('button', { name: 'Intrekken' }).click();
      await page.getByRole('dialog', { name: 'Toestemming intrekken?' }).getByRole('button', { name: 'Intrekken' }).click();
      await consents.getByRole('listitem').filter({ hasText: 'Toestemming aan CLB Polderland' }).getByText('Ingetrokken', { exact: false }).first().waitFor();

      // Amira, still on the team, sees why the file is closed, and the override.
      const a = amira.page;
      await a.reload();
      await a.getByRole('heading', { level: 1, name: 'Je hebt nu geen toegang tot dit gezin' }).waitFor();
      expect(await a.getByText('Gezin Decoster').count()).toBe(0);
      await expectNoSidewaysScroll(a);
      await expectNoSeriousA11yViolations(a);
      await shot(a, 'no-access-360');
      await a.getByRole('button', { name: 'Toegang zonder toestemming' }).click();
      const override = a.getByRole('dialog', { name: 'Toegang zonder toestemming' });
      await override.getByRole('textbox', { name: /^Waarom is dit nodig/ }).fill('te kort');
      await override.getByRole('button', { name: 'Toegang vragen' }).click();
      await override.getByText('Schrijf minstens 20 tekens.').waitFor();
      await override.getByRole('textbox', { name: /^Waarom is dit nodig/ }).fill('De school meldt vandaag acuut gevaar voor Roos thuis.');
      await override.getByLabel(/^Hoeveel uur/).fill('4');
      await override.getByRole('button', { name: 'Toegang vragen' }).click();
      // Step-up: the code again.
      const stepUp = a.getByRole('dialog', { name: 'Bevestig dat jij het bent' });
      await stepUp.getByLabel('Code van 6 cijfers').fill(await freshDemoCode('clb@samenplan.demo'));
      await stepUp.getByRole('button', { name: 'Bevestigen' }).click();
      await a.getByRole('heading', { level: 1, name: 'Gezin Decoster' }).waitFor();
      await a.getByText('Je werkt zonder toestemming van het gezin').waitFor();
      await expectNoSeriousA11yViolations(a);
      await shot(a, 'override-banner-360');
      expect(ruben.errors).toEqual([]);
      expect(amira.errors).toEqual([]);
      await ruben.context.close();
      await amira.context.close();
    },
    SLOW,
  );
});
