import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loginDemo } from './demo-login.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';

const SLOW = 420_000;
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';

/**
 * A newcomer follows one family from request to agreed plan, only through the screens: the
 * coordinator registers the request and assigns a contact person; the contact person records the
 * first contact, registers the family's members, records the youth's consent, adds a colleague of
 * another organisation with consent, writes the plan and records the family's agreement; the print
 * view reads in plain Dutch; the colleague then reads the plan. Once at 1280 px, once at 360 px
 * (a phone), with axe on every screen.
 */

/** The default life domains' codes (migration 0010): the family's copy shows their names. */
const DOMAIN_CODES = ['parenting', 'physical_health', 'mental_wellbeing', 'leisure', 'housing', 'finances', 'social_network', 'justice'];

/** A calendar day n days from today in Brussels (YYYY-MM-DD). */
function brusselsDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/** Fills a date field, whether it is a native date input or the app's DD/MM/YYYY date input. */
async function fillDay(field: Locator, iso: string) {
  if ((await field.getAttribute('type')) === 'date') {
    await field.fill(iso);
    return;
  }
  const [y, m, d] = iso.split('-');
  await field.click();
  await field.fill(`${d}/${m}/${y}`);
  await field.press('Tab');
}

/** Picks an option of a Mantine Select (combobox) by its label. */
async function choose(page: Page, scope: Page | Locator, label: string | RegExp, option: string | RegExp, type?: string) {
  const name = typeof label === 'string' ? new RegExp(`^${label}`) : label;
  const input = scope.getByRole('textbox', { name }).or(scope.getByRole('combobox', { name })).first();
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).first().click();
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}


describe.skipIf(!hasChromium)('a newcomer follows a family from request to agreed plan', () => {
  const e2e = useE2e();

  async function openAs(email: string, path: string, width: number) {
    const page = await e2e.page({ viewport: { width, height: width < 600 ? 740 : 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + path);
    await loginDemo(page, email);
    return { page, errors };
  }

  async function check(page: Page, width: number, name: string) {
    await expectNoSeriousA11yViolations(page);
    if (width < 600) await expectNoSidewaysScroll(page);
    await shot(page, `journey-${name}-${width}`);
  }

  for (const width of [1280, 360]) {
    it(
      `at ${width} px: request → contact person → first contact → members → consent → colleague → plan → agreement → print`,
      async () => {
        const suffix = `${width}-${Date.now().toString(36)}`;
        const familyName = `Gezin Wuyts ${suffix}`;
        const youth = `Lien Wuyts ${suffix}`;
        const mother = `Katrien Wuyts ${suffix}`;

        // 1. The coordinator registers the request and assigns Ruben Claeys as contact person.
        const coordinator = await openAs('coordinator@samenplan.demo', '/aanmeldingen/nieuw', width);
        let page = coordinator.page;
        await page.getByRole('heading', { level: 1, name: 'Nieuwe aanmelding registreren' }).waitFor();
        await page.getByLabel('Naam van het gezin').fill(familyName);
        await page.getByLabel('De vraag, in de woorden van het gezin').fill('Lien wil niet meer naar school en zit veel alleen op haar kamer. We weten niet meer hoe we haar kunnen helpen.');
        await choose(page, page, 'Via', 'CLB');
        await choose(page, page, 'Gemeente', 'Brugge', 'Brug');
        await check(page, width, 'request-new');
        await page.getByRole('button', { name: 'Aanmelding registreren' }).click();
        await page.getByRole('heading', { level: 1, name: familyName }).waitFor();
        const requestPath = new URL(page.url()).pathname;
        await page.getByRole('button', { name: 'Start triage' }).click();
        await page.getByRole('button', { name: 'Aanspreekpunt toewijzen' }).click();
        const assign = page.getByRole('dialog', { name: 'Aanspreekpunt toewijzen' });
        await assign.getByLabel('Naam van de hulpverlener').fill('Ruben');
        await assign.getByRole('radio', { name: /Ruben Claeys/ }).check();
        await check(page, width, 'request-assign');
        await assign.getByRole('button', { name: 'Toewijzen' }).click();
        await page.getByText('Ruben Claeys (Jeugdhulp Kustlijn vzw)').waitFor();
        await check(page, width, 'request-assigned');
        expect(coordinator.errors).toEqual([]);

        // 2. Ruben opens the request, records the first contact and opens the family.
        const ruben = await openAs('hulpverlener@samenplan.demo', requestPath, width);
        page = ruben.page;
        await page.getByRole('heading', { level: 1, name: familyName }).waitFor();
        await page.getByRole('button', { name: 'Eerste contact registreren' }).click();
        const first = page.getByRole('dialog', { name: 'Eerste contact registreren' });
        await first.getByLabel('Datum van het eerste contact').waitFor();
        await check(page, width, 'first-contact');
        await first.getByRole('button', { name: 'Bewaren' }).click();
        await page.getByText('Het eerste contact is geregistreerd.').waitFor();
        await page.getByRole('link', { name: /Open het gezin G-/ }).click();
        await page.getByRole('heading', { level: 1, name: familyName }).waitFor();
        await page.getByText('Nog geen gezinsleden.').waitFor();
        await check(page, width, 'family-new');

        // 3. The family's members: the youth (15) and her mother.
        const addMember = async (role: string, name: string, birthDate?: string) => {
          await page.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
          const dialog = page.getByRole('dialog', { name: 'Gezinslid toevoegen' });
          await choose(page, dialog, 'Rol in het gezin', role);
          await dialog.getByRole('textbox', { name: /^Naam/ }).fill(name);
          if (birthDate) await fillDay(dialog.getByLabel(/^Geboortedatum/), birthDate);
          await expectNoSeriousA11yViolations(page);
          await dialog.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
          await dialog.waitFor({ state: 'hidden' });
          await page.getByRole('region', { name: 'Gezinsleden' }).getByText(name).first().waitFor();
        };
        await addMember('Kind of jongere', youth, `${Number(brusselsDay().slice(0, 4)) - 15}-03-04`);
        await addMember('Ouder', mother);

        // 4. Lien (15) consents herself to Ruben's organisation: reading and writing the plan.
        const recordConsent = async (organisation: string) => {
          await page.getByRole('button', { name: 'Toestemming registreren' }).click();
          const dialog = page.getByRole('dialog', { name: 'Toestemming registreren' });
          await choose(page, dialog, 'Over wie gaat de toestemming?', new RegExp(youth));
          await dialog.getByText(`${youth} is 12 of ouder en geeft dus zelf toestemming.`).waitFor();
          await choose(page, dialog, 'Aan welke organisatie?', organisation);
          await dialog.getByRole('checkbox', { name: 'Het gezinsplan mee schrijven' }).check();
          await expectNoSeriousA11yViolations(page);
          await dialog.getByRole('button', { name: 'Toestemming registreren' }).click();
          await dialog.waitFor({ state: 'hidden' });
          await page.getByRole('region', { name: 'Toestemming' }).getByText(`Toestemming aan ${organisation}`).first().waitFor();
        };
        await recordConsent('Jeugdhulp Kustlijn vzw');

        // 5. A colleague of another organisation joins the team, and Lien consents to that organisation too.
        await page.getByRole('button', { name: 'Collega toevoegen' }).click();
        const team = page.getByRole('dialog', { name: 'Collega aan het team toevoegen' });
        await team.getByRole('searchbox', { name: 'Zoek een collega op naam' }).fill('Amira');
        await choose(page, team, /^Collega/, /Amira El Idrissi/);
        await expectNoSeriousA11yViolations(page);
        await team.getByRole('button', { name: 'Collega toevoegen' }).click();
        await team.waitFor({ state: 'hidden' });
        await page.getByRole('region', { name: 'Team' }).getByText('Amira El Idrissi').waitFor();
        await recordConsent('CLB Polderland');
        await check(page, width, 'family-team');

        // 6. The plan, written with the family.
        await page.getByRole('link', { name: 'Gezinsplan' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Gezinsplan' }).waitFor();
        await page.getByText('Er is nog geen gezinsplan').waitFor();
        await check(page, width, 'plan-empty');
        await page.getByRole('button', { name: /^Plan (opstellen|aanpassen)$/ }).click();
        await page.getByLabel(/^Ons verhaal/).fill('Lien zit in het derde middelbaar. Sinds de zomer gaat ze bijna niet meer naar school. Mama werkt in shiften en maakt zich zorgen.');
        await page.getByRole('button', { name: 'Iets wat goed gaat toevoegen' }).click();
        await page.getByLabel(/^Wat goed gaat 1$/).fill('Lien tekent graag en praat open met haar tante.');
        await page.getByRole('button', { name: 'Een zorg toevoegen' }).click();
        await page.getByLabel(/^Waar we ons zorgen over maken 1$/).fill('Lien mist veel lessen.');
        await page.getByRole('button', { name: 'Doel toevoegen' }).click();
        await page.getByLabel(/^Wat willen we bereiken\?/).fill('Lien gaat weer drie dagen per week naar school.');
        await page.getByRole('button', { name: 'Actie toevoegen' }).click();
        await page.getByLabel(/^Wat gebeurt er\?/).fill('Een gesprek met de leerlingbegeleider van de school plannen.');
        await choose(page, page, /^Wie doet het\?/, /Amira El Idrissi/);
        await page.getByRole('button', { name: 'Een afspraak toevoegen' }).click();
        await page.getByLabel(/^Afspraken 1$/).fill('We zien elkaar om de twee weken bij het gezin thuis.');
        await page.getByLabel(/^Wat heb je veranderd\?/).fill('Eerste gezinsplan, samen met Lien en mama');
        await check(page, width, 'plan-editor');
        await page.getByRole('button', { name: 'Bewaren als nieuwe versie' }).click();
        await page.getByText('Het plan is bewaard als nieuwe versie.').first().waitFor();
        await page.getByText('Lien gaat weer drie dagen per week naar school.').waitFor();
        await page.getByText('Het gezin gaf nog geen akkoord').waitFor();

        // 7. The family agrees with version 1.
        await page.getByRole('button', { name: 'Gezin is akkoord met versie 1' }).click();
        const confirm = page.getByRole('dialog');
        if (await confirm.count()) await confirm.getByRole('button').last().click();
        await page.getByText('Het gezin is akkoord').first().waitFor();
        await check(page, width, 'plan-agreed');

        // 8. The print view, in plain Dutch: names instead of codes, dates written out (1 december 2026).
        await page.getByRole('link', { name: 'Afdrukken' }).click();
        await page.getByRole('heading', { level: 1, name: `Gezinsplan van ${familyName}` }).waitFor();
        const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        const longDay = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
        expect(text).toContain(`Het gezin ging akkoord met versie 1 op ${longDay}.`);
        for (const part of ['Ons verhaal', 'Wat goed gaat', 'Wat we willen bereiken', 'Afspraken', 'Amira El Idrissi', 'Lien mist veel lessen.', 'We zien elkaar om de twee weken']) expect(text).toContain(part);
        // No codes, enumerations, untranslated keys or English leaking into the family's copy.
        for (const code of ['read_plan', 'edit_plan', 'planned', 'in_progress', 'undefined', 'null', 'NaN', '{{', ...DOMAIN_CODES]) expect(text).not.toContain(code);
        expect(text).not.toMatch(/\b(plan|families|requests)\.[a-z][a-zA-Z]*\.[a-z]/);
        expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(width >= 600);
        await check(page, width, 'print');
        expect(ruben.errors).toEqual([]);

        // 9. The colleague now reads the plan (her organisation has consent).
        const amira = await openAs('clb@samenplan.demo', new URL(page.url()).pathname.replace(/\/afdruk$/, ''), width);
        await amira.page.getByRole('heading', { level: 1, name: 'Gezinsplan' }).waitFor();
        await amira.page.getByText('Lien gaat weer drie dagen per week naar school.').waitFor();
        await amira.page.getByText('Het gezin is akkoord').first().waitFor();
        await check(amira.page, width, 'plan-colleague');
        expect(amira.errors).toEqual([]);
      },
      SLOW,
    );
  }
});
