import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 150_000;

describe.skipIf(!hasChromium)('keeping the directory (sociale kaart) in Chromium', () => {
  const e2e = useE2e();

  /** A logged-in page of its own; `context` for tests that close it early. */
  async function openAs(email: string, path: string, width = 1280, height = 800) {
    const opened = await openAsDemo(e2e, email, path, { width, height });
    return { ...opened, context: opened.page.context() };
  }

  it('an organisation admin changes a waiting time, confirms everything, and the stale badge goes', async () => {
    const { context, page, errors } = await openAs('orgbeheer@samenplan.demo', '/sociale-kaart/beheer');
    await page.getByRole('heading', { level: 1, name: 'Onze organisatie in de sociale kaart' }).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanbod bijhouden' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Jeugdhulp Kustlijn vzw' }).waitFor();
    await page.getByRole('table', { name: 'Locaties' }).getByRole('rowheader', { name: 'Hoofdzetel Oostende' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // A new location: the shared contract's rules, in Dutch, at the field.
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    const create = page.getByRole('dialog', { name: 'Nieuwe locatie' });
    await create.getByLabel('Naam').fill('X');
    await create.getByRole('button', { name: 'Opslaan' }).click();
    await create.getByText('Vul minstens 2 tekens in.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await create.getByRole('button', { name: 'Annuleren' }).click();
    await create.waitFor({ state: 'detached' });

    // A location a service still uses cannot go: the server says why, in Dutch.
    const office = page.getByRole('table', { name: 'Locaties' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Hoofdzetel Oostende' }) });
    await office.getByRole('button', { name: 'Hoofdzetel Oostende verwijderen' }).click();
    const ask = page.getByRole('dialog', { name: 'Hoofdzetel Oostende verwijderen?' });
    await ask.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Deze locatie wordt nog gebruikt door een dienst of zinplek. Koppel ze daar eerst los.').waitFor();
    await office.waitFor();

    await page.getByRole('tab', { name: 'Diensten' }).click();
    const table = page.getByRole('table', { name: 'Diensten' });
    const stale = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Verblijf in een leefgroep' }) });
    await stale.getByText('Verouderd').waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('diensten');
    await page.screenshot({ path: 'test-results/directory-manage-1280.png', fullPage: true });

    // Change the waiting time of another service.
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Contextbegeleiding aan huis' }) });
    await row.getByRole('button', { name: 'Contextbegeleiding aan huis bewerken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Contextbegeleiding aan huis bewerken' });
    await dialog.getByLabel('Wachttijd in dagen').fill('14');
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-manage-form-1280.png', fullPage: false });
    // Meanwhile someone else changes the same service: saving explains the conflict, the newest version can be loaded.
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { data: { csrfToken: string } };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.data.csrfToken };
      const orgId = new URLSearchParams(window.location.search).get('organisatie');
      const services = (await (await fetch(`/api/directory/manage/organisations/${orgId ?? ''}/services`)).json()) as { data: { items: { id: string; name: string; version: number }[] } };
      const target = services.data.items.find((i) => i.name === 'Contextbegeleiding aan huis');
      if (!target) throw new Error('service not found');
      await fetch(`/api/directory/manage/services/${target.id}`, { method: 'PATCH', headers, body: JSON.stringify({ version: target.version, capacity: 41 }) });
    });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Iemand anders was je voor').waitFor();
    await dialog.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect.poll(() => dialog.getByLabel('Capaciteit').inputValue()).toBe('41');
    await dialog.getByLabel('Wachttijd in dagen').fill('14');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Wachttijd: 14 dagen').waitFor();

    // Confirm everything: no stale badge is left.
    expect(await page.getByText('Verouderd', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Alles bevestigen' }).click();
    await page.getByText(/Alles is bevestigd/).waitFor();
    await expect.poll(() => stale.getByText('Verouderd').count()).toBe(0);
    expect(await page.getByText('Verouderd', { exact: true }).count()).toBe(0);

    // On a phone: cards, nothing sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('heading', { level: 3, name: 'Verblijf in een leefgroep' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-manage-360.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('a network coordinator sees the stale entries of every organisation, on desktop and phone', async () => {
    const { context, page, errors } = await openAs('coordinator@samenplan.demo', '/sociale-kaart/beheer');
    await page.getByRole('heading', { level: 1, name: 'Verouderde gegevens in de sociale kaart' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sociale-kaart/beheer/verouderd');
    const table = page.getByRole('table', { name: 'Verouderde gegevens' });
    await table.getByRole('rowheader').first().waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-stale-1280.png', fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('heading', { level: 2, name: 'Verouderde gegevens' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-stale-360.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('a platform admin opens a stale entry from the list, and can pick any organisation', async () => {
    const { context, page, errors } = await openAs('beheer@samenplan.demo', '/sociale-kaart/beheer');
    await page.getByRole('heading', { level: 1, name: 'Onze organisatie in de sociale kaart' }).waitFor();
    await page.getByText('Kies hierboven de organisatie').waitFor();
    await page.getByRole('link', { name: 'Verouderde gegevens van alle organisaties' }).click();
    const table = page.getByRole('table', { name: 'Verouderde gegevens' });
    await table.getByRole('link', { name: 'Sociale dienst en leefloon' }).click();
    await page.getByRole('heading', { level: 2, name: 'OCMW Torhout – Sociaal Huis' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('diensten');
    const row = page.getByRole('table', { name: 'Diensten' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sociale dienst en leefloon' }) });
    await row.getByText('Verouderd').waitFor();
    await row.getByRole('button', { name: 'Sociale dienst en leefloon bevestigen' }).click();
    await expect.poll(() => row.getByText('Verouderd').count()).toBe(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('combobox', { name: 'Organisatie' }).fill('Kustlijn');
    await page.getByRole('option', { name: 'Jeugdhulp Kustlijn vzw' }).click();
    await page.getByRole('heading', { level: 2, name: 'Jeugdhulp Kustlijn vzw' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);
});
