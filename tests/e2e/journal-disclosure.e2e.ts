import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, hasChromium, useE2e } from './fixture.js';
import { openAsDemo } from './demo-login.js';
import { openFamilyTab } from './family-file.js';

/** Logging in and a fresh TOTP step per login can take a minute. */
const SLOW = 240_000;

// Issue 11, "Wat het gezin niet ziet": a professional marks a journal note as not for the family.
describe.skipIf(!hasChromium)('the journal note form: what the family sees (360 px)', () => {
  const e2e = useE2e();

  async function openJournal(page: Page, name: string) {
    await openFamilyTab(page, e2e.baseUrl, name, 'Logboek');
    await page.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ }).waitFor();
  }

  it('a professional writes a note of Roos’s own (the youth is required), sees the badge; a family without a youth of 12+ cannot choose it', async () => {
    const { page, errors } = await openAsDemo(e2e, 'hulpverlener@samenplan.demo', '/gezinnen', { width: 360, height: 740 });

    // Decoster: Roos (14) is a youth of 12+, Jasper (8) is not.
    await openJournal(page, 'Gezin Decoster');
    const choice = page.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    // Default: the family sees the note.
    expect(await choice.getByRole('radio', { name: /^Het gezin ziet dit/ }).isChecked()).toBe(true);
    await choice.getByRole('radio', { name: /^Eigen aan de jongere/ }).check();
    const youth = page.getByRole('radiogroup', { name: /^Van welke jongere is dit\?/ });
    await youth.getByRole('radio', { name: /^Roos Decoster/ }).waitFor();
    expect(await youth.getByRole('radio').count()).toBe(1); // not Jasper (8), not the parents
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/journal-disclosure-form-360.png', fullPage: true });

    // Without a youth chosen: refused in the form, nothing saved.
    await page.getByRole('textbox', { name: /^Notitie/ }).fill('Roos vertelde over haar vriendin; dat blijft tussen ons.');
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByRole('alert').getByText('Kies de jongere van wie dit is.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Roos vertelde over haar vriendin' }).count()).toBe(0);

    await youth.getByRole('radio', { name: /^Roos Decoster/ }).check();
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    const note = page.getByRole('listitem').filter({ hasText: 'Roos vertelde over haar vriendin' });
    await note.getByText('Alleen voor Roos Decoster').waitFor();
    // The form is back to its default; the youth choice is gone.
    expect(await choice.getByRole('radio', { name: /^Het gezin ziet dit/ }).isChecked()).toBe(true);
    expect(await youth.count()).toBe(0);

    // A confidential note shows what the family cannot see; a normal one that the family sees it.
    await page.getByRole('textbox', { name: /^Notitie/ }).fill('Melding van de buurvrouw, niet voor het gezin.');
    await choice.getByRole('radio', { name: /^Vertrouwelijk/ }).check();
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Melding van de buurvrouw' }).getByText('Gezin ziet dit niet: vertrouwelijk').waitFor();
    await page.getByRole('textbox', { name: /^Notitie/ }).fill('Afspraak met het hele gezin volgende week.');
    await page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Afspraak met het hele gezin' }).getByText('Gezin ziet dit', { exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: 'test-results/journal-disclosure-list-360.png', fullPage: true });

    // The server kept the youth: the note of Roos's own names her member id.
    const familyId = new URL(page.url()).pathname.split('/')[2];
    const res = await page.request.get(`${e2e.baseUrl}/api/families/${familyId}/journal`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { data: { items: { body: string; disclosure: string; youthMemberId: string | null }[] } };
    const saved = body.data.items.find((n) => n.body.startsWith('Roos vertelde'));
    expect(saved?.disclosure).toBe('youth_own');
    expect(saved?.youthMemberId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data.items.find((n) => n.body.startsWith('Melding van de buurvrouw'))).toMatchObject({ disclosure: 'confidential', youthMemberId: null });

    // Bonte: Noah is 9, so no youth of his own; the option is disabled with a hint.
    await openJournal(page, 'Gezin Bonte');
    const bonte = page.getByRole('radiogroup', { name: /^Wat ziet het gezin\?/ });
    expect(await bonte.getByRole('radio', { name: /^Eigen aan de jongere/ }).isDisabled()).toBe(true);
    await bonte.getByText('Kan niet: er is geen kind van 12 jaar of ouder in dit gezin.').waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page);
    expect(errors).toEqual([]);
  }, SLOW);
});
