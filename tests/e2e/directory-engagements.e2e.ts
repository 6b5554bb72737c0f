import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';

const SLOW = 150_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe.skipIf(!hasChromium)('engagement declarations and regions in Chromium', () => {
  const e2e = useE2e();

  /** A logged-in page of its own; `context` for tests that close it early. */
  async function openAs(email: string, path: string, width = 1280, height = 800) {
    const opened = await openAsDemo(e2e, email, path, { width, height });
    return { ...opened, context: opened.page.context() };
  }

  it('an organisation admin uploads the signed declaration, is refused a non-PDF, adds a declaration for another region; on a phone too', async () => {
    const { context, page, errors } = await openAs('orgbeheer@samenplan.demo', '/sociale-kaart/beheer');
    const section = page.getByRole('region', { name: 'Engagementsverklaringen' });
    const nwv = section.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Noord-West-Vlaanderen' }) });
    await nwv.getByText(/^Ontvangen op \d\d\/\d\d\/\d{4}$/).waitFor();
    await nwv.getByText('Nog geen ondertekende verklaring opgeladen.').waitFor();
    await expectNoSeriousA11yViolations(page);

    // Not a PDF (by its content): the server says so, in Dutch.
    let chooser = page.waitForEvent('filechooser');
    await nwv.getByRole('button', { name: 'Ondertekende verklaring opladen' }).click();
    await (await chooser).setFiles({ name: 'verklaring.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a pdf') });
    await nwv.getByText('Dit bestand is geen PDF. Laad de ondertekende verklaring op als PDF-bestand.').waitFor();

    chooser = page.waitForEvent('filechooser');
    await nwv.getByRole('button', { name: 'Ondertekende verklaring opladen' }).click();
    await (await chooser).setFiles({ name: 'Engagementsverklaring Kustlijn.pdf', mimeType: 'application/pdf', buffer: PDF });
    const link = nwv.getByRole('link', { name: 'Engagementsverklaring Kustlijn.pdf downloaden' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const body = await page.evaluate(async (url) => {
      const res = await fetch(url ?? '');
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, href);
    expect(body.type).toBe('application/pdf');
    expect(body.text.startsWith('%PDF-')).toBe(true);

    // A declaration for another region, expected by a day: the form asks for the day first.
    await section.getByRole('button', { name: 'Verklaring toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Engagementsverklaring toevoegen' });
    await dialog.getByRole('combobox', { name: 'Regio' }).click();
    await page.getByRole('option', { name: 'Regio Gent' }).click();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.getByText('Geef de datum waartegen de verklaring verwacht wordt.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('textbox', { name: 'Verwacht tegen' }).fill('31/12/2030');
    await dialog.getByRole('textbox', { name: 'Verwacht tegen' }).press('Enter');
    await dialog.getByLabel('Opmerking').fill('Na de raad van bestuur.');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const gent = section.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Regio Gent' }) });
    await gent.getByText('Verwacht tegen 31/12/2030').waitFor();
    await page.screenshot({ path: 'test-results/directory-engagements-1280.png', fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    await gent.getByText('Na de raad van bestuur.').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-engagements-360.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it("a network coordinator sees the region's overview with counts and filters, on desktop and phone", async () => {
    const { context, page, errors } = await openAs('coordinator@samenplan.demo', '/sociale-kaart/beheer');
    await page.getByRole('heading', { level: 1, name: 'Verouderde gegevens in de sociale kaart' }).waitFor();
    await page.getByRole('link', { name: 'Engagementsverklaringen per regio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Engagementsverklaringen per regio' }).waitFor();
    const table = page.getByRole('table', { name: 'Organisaties van Noord-West-Vlaanderen' });
    const kustlijn = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Jeugdhulp Kustlijn vzw' }) });
    await kustlijn.getByText(/^Ontvangen op/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-engagement-overview-1280.png', fullPage: true });

    await page.getByRole('combobox', { name: 'Toon' }).click();
    await page.getByRole('option', { name: 'In overweging' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('under_consideration');
    await table.getByText('In overweging').first().waitFor();
    await expect.poll(async () => table.getByText(/^Ontvangen op/).count()).toBe(0);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('heading', { level: 2, name: 'Organisaties van Noord-West-Vlaanderen' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/directory-engagement-overview-360.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it("a platform admin edits a region's municipalities on the region page; a municipality of another network is refused", async () => {
    // The region page is public: log in through a page that asks for it, then open the region.
    const { context, page, errors } = await openAs('beheer@samenplan.demo', '/sociale-kaart/beheer');
    await page.getByRole('heading', { level: 1, name: 'Onze organisatie in de sociale kaart' }).waitFor();
    await page.goto(`${e2e.baseUrl}/regio/noord-west-vlaanderen`);
    const editor = page.getByRole('region', { name: 'Gemeenten van de regio beheren' });
    await editor.waitFor();
    await expectNoSeriousA11yViolations(page);

    await editor.getByRole('combobox', { name: 'Gemeente toevoegen' }).fill('Gent');
    await page.getByRole('option', { name: 'Gent (44021)' }).click();
    await editor.getByRole('button', { name: 'Toevoegen' }).click();
    await editor.getByText('Gent hoort al bij de regio Regio Gent.', { exact: false }).waitFor();

    await editor.getByRole('button', { name: 'Damme uit de regio halen' }).click();
    await expect.poll(() => editor.getByRole('button', { name: 'Damme uit de regio halen' }).count()).toBe(0);
    await editor.getByRole('combobox', { name: 'Gemeente toevoegen' }).fill('Damme');
    await page.getByRole('option', { name: /^Damme/ }).click();
    await editor.getByRole('button', { name: 'Toevoegen' }).click();
    await editor.getByRole('button', { name: 'Damme uit de regio halen' }).waitFor();

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/region-edit-360.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);
});
