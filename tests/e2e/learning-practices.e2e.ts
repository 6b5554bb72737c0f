import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 180_000;
const SCHOOL = 'Terug naar school na een opname: samenwerking CLB en zorg';

describe.skipIf(!hasChromium)('good practices (goede praktijken) in Chromium', () => {
  const e2e = useE2e();

  it('the coordinator searches and opens one; a professional proposes one; the coordinator publishes it', async () => {
    const coordinator = await openAsDemo(e2e, 'coordinator@samenplan.demo', '/samen-leren/praktijken');
    const page = coordinator.page;
    await page.getByRole('heading', { level: 1, name: 'Goede praktijken' }).waitFor();
    await page.getByRole('link', { name: SCHOOL }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/practices-list-1280.png', fullPage: true });

    // A plural finds the singular; accents do not matter.
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('samenwerkingen');
    await page.waitForURL(/q=samenwerkingen/);
    await page.getByRole('link', { name: SCHOOL }).waitFor();
    await page.getByRole('link', { name: 'Een consulent van het CGG in de leefgroep' }).waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('leerkrachten');
    await page.waitForURL(/q=leerkrachten/);
    await page.getByRole('link', { name: SCHOOL }).click();
    await page.getByRole('heading', { level: 1, name: SCHOOL }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Knelpunten' }).waitFor();
    await page.getByText('Hilde Desmet').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/practices-detail-1280.png', fullPage: true });

    // A professional proposes a practice: a draft of their organisation.
    const title = `Samen naar de sportclub ${Date.now()}`;
    const pro = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/samen-leren/praktijken');
    await pro.page.getByRole('button', { name: 'Praktijk voorstellen' }).click();
    const dialog = pro.page.getByRole('dialog', { name: 'Praktijk voorstellen' });
    await dialog.getByRole('textbox', { name: /^Titel/ }).fill(title);
    await dialog.getByRole('textbox', { name: /^Korte omschrijving/ }).fill('Begeleiders van de leefgroep en de jeugdconsulent zoeken samen een sportclub voor jongeren, met een vaste contactpersoon in de club.');
    await dialog.getByRole('textbox', { name: /^Doelen/ }).fill('Jongeren bouwen een netwerk buiten de voorziening uit.');
    // The organisations involved: searched by name on the server, chosen from the list.
    const orgs = dialog.getByRole('combobox', { name: /^Betrokken organisaties/ });
    await orgs.click();
    await orgs.fill('polder');
    await pro.page.getByRole('option', { name: 'CLB Polderland' }).click();
    await orgs.fill('zeewind');
    await pro.page.getByRole('option', { name: 'CGG Zeewind' }).click();
    await orgs.press('Escape');
    await dialog.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    await dialog.getByRole('textbox', { name: /^Naam/ }).fill('Lien Voorbeeld');
    await dialog.getByRole('textbox', { name: /^E-mailadres/ }).fill('lien@voorbeeld.demo');
    await expectNoSeriousA11yViolations(pro.page);
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await pro.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await pro.page.getByText('Ontwerp', { exact: true }).waitFor();
    expect(await pro.page.getByRole('button', { name: 'Publiceren' }).count()).toBe(0);
    await pro.page.getByRole('heading', { level: 2, name: 'Betrokken organisaties' }).waitFor();
    await pro.page.getByText('CGG Zeewind, CLB Polderland', { exact: true }).waitFor();

    // The author organisation attaches two files and deletes one, after confirming.
    const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1') });
    const fileInput = pro.page.locator('input[type=file]');
    await fileInput.setInputFiles(pdf('Verslag sportclub.pdf'));
    await pro.page.getByRole('link', { name: 'Verslag sportclub.pdf' }).waitFor();
    await fileInput.setInputFiles(pdf('Oude versie.pdf'));
    await pro.page.getByRole('link', { name: 'Oude versie.pdf' }).waitFor();
    await pro.page.getByRole('button', { name: 'Bijlage Oude versie.pdf verwijderen' }).click();
    const confirm = pro.page.getByRole('dialog', { name: 'Bijlage verwijderen?' });
    await confirm.getByText('Oude versie.pdf wordt definitief verwijderd', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(pro.page);
    // Cancelling keeps it.
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await confirm.waitFor({ state: 'detached' });
    await pro.page.getByRole('link', { name: 'Oude versie.pdf' }).waitFor();
    await pro.page.getByRole('button', { name: 'Bijlage Oude versie.pdf verwijderen' }).click();
    await pro.page.getByRole('dialog', { name: 'Bijlage verwijderen?' }).getByRole('button', { name: 'Verwijderen' }).click();
    await pro.page.getByRole('link', { name: 'Oude versie.pdf' }).waitFor({ state: 'detached' });
    await pro.page.getByRole('link', { name: 'Verslag sportclub.pdf' }).waitFor();
    await pro.page.screenshot({ path: '/tmp/practices-draft-1280.png', fullPage: true });
    const url = pro.page.url();

    // The coordinator publishes it.
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Gepubliceerd', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Intrekken' }).waitFor();
    await page.getByRole('link', { name: 'Verslag sportclub.pdf' }).waitFor();
    expect(await page.getByRole('link', { name: 'Oude versie.pdf' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(coordinator.errors).toEqual([]);
    expect(pro.errors).toEqual([]);
  }, SLOW);

  it('at 360 px the list fits without sideways scrolling; a practice opens', async () => {
    const { page, errors } = await openAsDemo(e2e, 'clb@samenplan.demo', '/samen-leren/praktijken?sector=clb', { width: 360, height: 740 });
    await page.getByRole('link', { name: SCHOOL }).waitFor();
    await expectNoSidewaysScroll(page);
    // The search and the sector filter stack, each (nearly) the full width of the phone.
    const search = await page.getByRole('searchbox', { name: 'Zoeken' }).boundingBox();
    const sectorBox = await page.getByRole('combobox', { name: 'Sector' }).boundingBox();
    expect(search?.width ?? 0).toBeGreaterThanOrEqual(280);
    expect(sectorBox?.width ?? 0).toBeGreaterThanOrEqual(280);
    expect(sectorBox?.y ?? 0).toBeGreaterThan((search?.y ?? 0) + (search?.height ?? 0) - 1);
    await page.getByRole('button', { name: 'Praktijk voorstellen' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/practices-list-360.png', fullPage: true });
    await page.getByRole('link', { name: SCHOOL }).click();
    await page.getByRole('heading', { level: 2, name: 'Meerwaarde' }).waitFor();
    // Known gap (as on the toolkit's partnership page): the shared PageHeader's breadcrumb line with a
    // long title does not wrap and scrolls the page sideways at 360 px; see docs/learning.md.
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: '/tmp/practices-detail-360.png', fullPage: true });
    expect(errors).toEqual([]);
  }, SLOW);
});
