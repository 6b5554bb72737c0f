import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { loginDemo as login } from './demo-login.js';

/** A small HSDS dataset: one new organisation with a location, a good service and one the checks refuse. */
function dataset() {
  const org = randomUUID();
  const loc = randomUUID();
  const service = (name: string, extra: object) => ({
    id: randomUUID(),
    organization_id: org,
    name,
    description: 'Proefaanbod uit een HSDS-bestand.',
    status: 'active',
    application_process: 'Bel ons.',
    fees_description: 'Gratis',
    eligibility_description: 'Jongeren',
    assured_date: '2026-11-01',
    last_modified: '2026-11-01T10:00:00.000Z',
    service_at_locations: [{ id: randomUUID(), location_id: loc }],
    ...extra,
  });
  return {
    hsds_version: '3.0',
    organizations: [
      {
        id: org,
        name: `Proefimport vzw ${org.slice(0, 6)}`,
        description: 'Een organisatie uit een ander register.',
        locations: [
          {
            id: loc,
            location_type: 'physical',
            organization_id: org,
            name: 'Hoofdzetel',
            description: '',
            latitude: 51.05,
            longitude: 3.72,
            addresses: [{ id: randomUUID(), location_id: loc, address_1: 'Kouter 1', city: 'Gent', state_province: 'Oost-Vlaanderen', postal_code: '9000', country: 'BE', address_type: 'physical' }],
          },
        ],
      },
    ],
    services: [service('Jongerenonthaal', { minimum_age: 12, maximum_age: 25 }), service('Verkeerde leeftijden', { minimum_age: 30, maximum_age: 12 })],
  };
}

describe.skipIf(!hasChromium)('directory import in Chromium', () => {
  const e2e = useE2e();

  it('a platform admin checks an HSDS file: progress, then the report with the rejected record (1280 and 360 px)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samenplan-e2e-hsds-'));
    const file = join(dir, 'register.json');
    writeFileSync(file, JSON.stringify(dataset()));

    for (const width of [1280, 360]) {
      const context = await e2e.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(e2e.baseUrl + '/beheer/sociale-kaart-import');
      await login(page, 'beheer@samenplan.demo');
      await page.getByRole('heading', { level: 2, name: 'Sociale kaart importeren' }).waitFor();

      // Without a file: a clear message at the field.
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page.getByText('Kies eerst een bestand.').waitFor();

      await page.locator('input[type="file"]').setInputFiles(file);
      expect(await page.getByRole('checkbox', { name: /Alleen controleren/ }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await page
        .getByText('Controle klaar: er is niets gewijzigd')
        .waitFor({ timeout: 30_000 })
        .catch(async (err: unknown) => {
          await page.screenshot({ path: `test-results/directory-import-failed-${width}.png`, fullPage: true });
          throw err;
        });
      await page.getByText('1 organisaties, 1 diensten en 0 zinplekken. 1 record geweigerd.').first().waitFor();
      const rejected = page.getByRole('table', { name: 'Geweigerde records en de reden' });
      expect(await rejected.getByText('minimum_age 30 is hoger dan maximum_age 12').count()).toBe(1); // in Dutch
      await rejected.getByRole('columnheader', { name: 'Reden' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Vorige imports' }).waitFor();

      // All or nothing, for real (not a dry run): the one rejected record refuses the whole file.
      if (width === 1280) {
        await page.getByRole('checkbox', { name: /Alleen controleren/ }).uncheck();
        await page.getByRole('checkbox', { name: 'Alles of niets: niets importeren als één record geweigerd wordt' }).check();
        await page.getByRole('button', { name: 'Importeren' }).click();
        await page.getByText('Alles of niets: er is niets geïmporteerd').waitFor({ timeout: 30_000 });
        await page.getByText('0 organisaties, 0 diensten en 0 zinplekken. 1 record geweigerd.').first().waitFor();
        expect(await page.getByRole('table', { name: 'Geweigerde records en de reden' }).getByRole('row').count()).toBe(2);
        await page.getByText('Geweigerd', { exact: true }).first().waitFor();
        // In English the reason is English.
        await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN').click();
        await page.getByText('minimum_age 30 is above maximum_age 12').first().waitFor();
        await page.getByRole('radiogroup', { name: 'Language' }).getByText('NL').click();
        await page.getByText('minimum_age 30 is hoger dan maximum_age 12').first().waitFor();
      }

      await expectNoSeriousA11yViolations(page);
      if (width === 360) await expectNoSidewaysScroll(page);
      await page.screenshot({ path: `test-results/directory-import-${width}.png`, fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 150_000);
});
