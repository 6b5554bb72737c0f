import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module holding package.json (works from src/ and dist/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src/server/db/migrations');
export const REFERENCE_DIR = join(PACKAGE_ROOT, 'src/server/db/reference');
export const WEB_DIST_DIR = join(PACKAGE_ROOT, 'dist/web');
export const HSDS_SCHEMA_DIR = join(PACKAGE_ROOT, 'src/server/modules/directory/hsds-3');
