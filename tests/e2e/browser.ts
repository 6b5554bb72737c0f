import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, inject } from 'vitest';
import { baseCliEnv, freePort, startCli, exited } from '../helpers/cli.js';
import { adminUrl, databaseUrlFor } from '../helpers/pg-url.js';
import { e2eDatabasePrefix } from './global-setup.js';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const chromiumPath = inject('chromiumPath');
export const hasChromium = chromiumPath !== '';

/** Launches Debian's Chromium headless, without any network use of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A database of its own for one e2e server, holding the demo data: a copy of the run's demo database
 * (loaded once in global-setup.ts) — a copied PGlite data directory, or a PostgreSQL database made
 * from it as a template.
 */
async function demoDatabaseEnv(): Promise<Record<string, string>> {
  const demo = inject('e2eDemo');
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'samenplan-e2e-'));
    cpSync(demo, dir, { recursive: true });
    return { SAMENPLAN_DATA_DIR: dir };
  }
  const name = `${e2eDatabasePrefix(demo)}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${demo}"`);
  } finally {
    await admin.end();
  }
  return { DATABASE_URL: databaseUrlFor(baseUrl, name) };
}

/** The real server (`samenplan serve`) on a copy of the demo database. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<{
  baseUrl: string;
  stop: () => Promise<void>;
}> {
  const env = {
    ...baseCliEnv(),
    ...(await demoDatabaseEnv()),
    PORT: String(await freePort()),
    ...extraEnv,
  };
  // `--demo-if-empty` finds the demo already there; it stays so a server on an empty database would still get it.
  const { child, baseUrl } = await startCli(['serve', '--demo-if-empty'], env, 110_000);
  return { baseUrl, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await exited(child);
}

/** Runs axe on the page and fails on any serious or critical violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // A dialog or menu that is still fading in has a lower contrast than it will have: measure the
  // page at rest, once every running CSS transition and animation has finished.
  // (Endless ones — a spinner — are not waited for.)
  const atRest = () =>
    page.waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000 },
    );
  const analyze = async () => {
    await atRest();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  // A toast that starts to fade out while axe reads the page (its auto-close timer fired in
  // between) is measured half transparent: measure once more at rest. A real violation stays.
  let serious = await analyze();
  if (serious.length > 0) serious = await analyze();
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Nothing on the page is wider than the window (a phone must never scroll sideways). Right after a
 * viewport change the layout may still be settling (media-query hooks re-render, transitions run),
 * so this waits up to 5 s for the page to fit; a real overflow stays and fails.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { timeout: 5_000, message: 'the page scrolls sideways' })
    .toBeLessThanOrEqual(0);
}
