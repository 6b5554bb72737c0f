import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * e2e needs Debian's Chromium and a built web app. Without Chromium the e2e tests are skipped with
 * a message, except under CI=true, where a missing Chromium fails the run.
 */
export default function setup(project: TestProject): void {
  const chromium = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!chromium || !existsSync(chromium)) {
    const why = 'e2e skipped: Chromium not found at /usr/bin/chromium (install it with `apt-get install chromium`).';
    if (process.env.CI === 'true') throw new Error(`${why} CI=true requires it.`);
    console.warn(`\n⚠ ${why}\n`);
    project.provide('chromiumPath', '');
    return;
  }
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs'), '--web'], { cwd: root, stdio: 'inherit' });
  project.provide('chromiumPath', chromium);
}
