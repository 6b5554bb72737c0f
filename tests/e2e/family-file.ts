import type { Page } from 'playwright-core';

/**
 * Opens a tab of a family's file the way a professional does: "Mijn gezinnen", the family's link,
 * then the tab in the file's navigation. The caller waits for what the tab shows.
 */
export async function openFamilyTab(page: Page, baseUrl: string, family: string, tab: string): Promise<void> {
  await page.goto(`${baseUrl}/gezinnen`);
  await page.getByRole('link', { name: family }).first().click();
  await page.getByRole('heading', { level: 1, name: family }).waitFor();
  await page.getByRole('navigation', { name: 'Onderdelen van het gezinsdossier' }).getByRole('link', { name: tab, exact: true }).click();
}
