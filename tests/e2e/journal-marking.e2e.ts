import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { portalLoginMail } from '../helpers/smtp.js';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2eWithMail } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { openFamilyTab } from './family-file.js';

/** Logging in (a professional's TOTP step, the youth's mailed code) can take a minute. */
const SLOW = 300_000;
const PRO = 'hulpverlener@samenplan.demo'; // Ruben Claeys, in Gezin Decoster's team
const YOUTH = 'jongere@samenplan.demo'; // Roos Decoster (14)
const NOTE = 'Roos vertelde trots over haar eerste week op de nieuwe school.';

// Issue 11, "Wat het gezin niet ziet": a professional corrects the marking of a journal note afterwards,
// and the youth's portal follows (her data leaves out what the family may not see).
describe.skipIf(!hasChromium)('correcting the marking of a journal note: what the family sees', () => {
  const e2e = useE2eWithMail();

  /** Roos logs in to the portal with the mailed code, on a phone, and opens "Mijn gegevens". */
  async function youthOnHerData(): Promise<{ page: Page; errors: string[] }> {
    const page = await e2e.page({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = e2e.mails.filter((m) => m.to.includes(YOUTH)).length;
    await page.goto(e2e.baseUrl + '/gezin/aanmelden');
    await page.getByLabel('Je e-mailadres').fill(YOUTH);
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    await page.getByRole('heading', { level: 1, name: 'We stuurden je een code' }).waitFor();
    await page.getByLabel('Code van 6 cijfers').fill((await portalLoginMail(e2e.mails, YOUTH, seen)).code);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn plan' }).waitFor();
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Mijn gegevens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    return { page, errors };
  }

  /** The bodies of the journal notes in the JSON file the youth downloads from "Mijn gegevens". */
  async function notesInHerData(youth: Page): Promise<string[]> {
    const download = youth.waitForEvent('download');
    await youth.getByRole('button', { name: 'Download als bestand (JSON)' }).click();
    const path = await (await download).path();
    const data = JSON.parse(await readFile(path, 'utf8')) as { journal: { body: string }[] };
    return data.journal.map((j) => j.body);
  }

  async function storedNote(page: Page) {
    const familyId = new URL(page.url()).pathname.split('/')[2];
    const res = await page.request.get(`${e2e.baseUrl}/api/families/${familyId}/journal`);
    expect(res.status()).toBe(200);
    const items = ((await res.json()) as { data: { items: { body: string; disclosure: string; youthMemberId: string | null; version: number }[] } }).data.items;
    return items.find((n) => n.body === NOTE);
  }

  /** Opens the marking dialog of the note in `item` (a list item of the journal). */
  async function openMarking(page: Page, item: Locator): Promise<Locator> {
    await item.getByRole('button', { name: /^Wat ziet het gezin van de notitie van Ruben Claeys/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Wat ziet het gezin?' });
    await dialog.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ }).waitFor();
    return dialog;
  }

  async function mark(page: Page, item: Locator, option: RegExp): Promise<void> {
    const dialog = await openMarking(page, item);
    await dialog.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ }).getByRole('radio', { name: option }).check();
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('at 1280 px Ruben marks a note Roos sees as confidential and back; she finds it in her data only while the family may see it; a stale version gets the Dutch conflict message; the dialog at 360 px', async () => {
    const { page, errors } = await openAsDemo(e2e, PRO, '/gezinnen', { width: 1280, height: 900 });
    await openFamilyTab(page, e2e.baseUrl, 'Gezin Decoster', 'Logboek');

    // A note for the whole team that the family sees (the default).
    const form = page.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    await form.waitFor();
    await page.getByRole('textbox', { name: /^Notitie/ }).fill(NOTE);
    await page.getByRole('radio', { name: /^Het hele team/ }).check();
    expect(await form.getByRole('radio', { name: /^Het gezin ziet dit/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    const item = page.getByRole('listitem').filter({ hasText: NOTE });
    await item.getByText('Gezin ziet dit', { exact: true }).waitFor();
    expect(await storedNote(page)).toMatchObject({ disclosure: 'normal', version: 1 });

    // Roos finds it in her data.
    const youth = await youthOnHerData();
    expect(await notesInHerData(youth.page)).toContain(NOTE);

    // Ruben corrects the marking: the current one preselected, then confidential.
    const dialog = await openMarking(page, item);
    const choice = dialog.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    expect(await choice.getByRole('radio', { name: /^Het gezin ziet dit/ }).isChecked()).toBe(true);
    await dialog.getByText(/^Notitie van Ruben Claeys \(\d\d\/\d\d\/\d{4} \d\d:\d\d\)$/).waitFor();
    await choice.getByRole('radio', { name: /^Vertrouwelijk/ }).check();
    await dialog.getByText('De vorige keuze blijft bewaard in de geschiedenis van het dossier.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/journal-marking-dialog-1280.png' });
    await dialog.getByRole('button', { name: 'Bewaren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await item.getByText('Gezin ziet dit niet: vertrouwelijk').waitFor();
    expect(await item.getByText('Gezin ziet dit', { exact: true }).count()).toBe(0);
    expect(await storedNote(page)).toMatchObject({ disclosure: 'confidential', youthMemberId: null, version: 2 });

    // Roos no longer has it: not in her data.
    expect(await notesInHerData(youth.page)).not.toContain(NOTE);

    // Back to what the family sees: Roos has it again.
    await mark(page, item, /^Het gezin ziet dit/);
    await item.getByText('Gezin ziet dit', { exact: true }).waitFor();
    expect(await storedNote(page)).toMatchObject({ disclosure: 'normal', version: 3 });
    expect(await notesInHerData(youth.page)).toContain(NOTE);

    // Two tabs: this one opens the dialog (version 3), the other marks the note as about other people first.
    const stale = await openMarking(page, item);
    const other = await page.context().newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(page.url());
    const otherItem = other.getByRole('listitem').filter({ hasText: NOTE });
    await otherItem.getByText('Gezin ziet dit', { exact: true }).waitFor();
    await mark(other, otherItem, /^Gaat over anderen/);
    await otherItem.getByText('Gezin ziet dit niet: gaat over anderen').waitFor();
    await other.close();

    const staleChoice = stale.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    await staleChoice.getByRole('radio', { name: /^Vertrouwelijk/ }).check();
    await stale.getByRole('button', { name: 'Bewaren' }).click();
    const conflict = stale.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwste versie en probeer het opnieuw.' });
    await conflict.waitFor();
    // Nothing of the stale choice was kept; the dialog now shows the newest marking (the other tab's), the message stays.
    await expect.poll(() => staleChoice.getByRole('radio', { name: /^Gaat over anderen/ }).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await conflict.count()).toBe(1);
    expect(await storedNote(page)).toMatchObject({ disclosure: 'third_party', version: 4 });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/journal-marking-conflict-1280.png' });
    // Trying again now works: confidential after all.
    await staleChoice.getByRole('radio', { name: /^Vertrouwelijk/ }).check();
    await stale.getByRole('button', { name: 'Bewaren' }).click();
    await stale.waitFor({ state: 'hidden' });
    await item.getByText('Gezin ziet dit niet: vertrouwelijk').waitFor();
    expect(await storedNote(page)).toMatchObject({ disclosure: 'confidential', version: 5 });
    expect(await notesInHerData(youth.page)).not.toContain(NOTE);

    // At 360 px: the dialog opened again shows the current marking; Roos's own, with the youth choice, fits the phone.
    await page.setViewportSize({ width: 360, height: 740 });
    const phone = await openMarking(page, item);
    const phoneChoice = phone.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    expect(await phoneChoice.getByRole('radio', { name: /^Vertrouwelijk/ }).isChecked()).toBe(true);
    await phoneChoice.getByRole('radio', { name: /^Eigen aan de jongere/ }).check();
    await phone.getByRole('radiogroup', { name: /^Van welke jongere is dit\?/ }).getByRole('radio', { name: /^Roos Decoster/ }).check();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/journal-marking-dialog-360.png' });
    await phone.getByRole('button', { name: 'Bewaren' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/journal-marking-dialog-360-end.png' });
    await phone.getByRole('button', { name: 'Bewaren' }).click();
    await phone.waitFor({ state: 'hidden' });
    await item.getByText('Alleen voor Roos Decoster').waitFor();
    await expectNoSidewaysScroll(page);
    expect(await storedNote(page)).toMatchObject({ disclosure: 'youth_own', version: 6 });
    // Her own: Roos has it again.
    expect(await notesInHerData(youth.page)).toContain(NOTE);

    expect(errors).toEqual([]);
    expect(youth.errors).toEqual([]);
  }, SLOW);
});
