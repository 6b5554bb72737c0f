import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where key files live: `<data dir>/keys`, readable by the app's user only. */
export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

/**
 * Reads a secret key file, creating it with `create()` and mode 0600 on first use. The file is
 * created exclusively (O_EXCL), so two processes starting at once never end up with two keys.
 * Refuses a key file that others can read: a leaked key is worse than a failed start.
 */
export function loadOrCreateKeyFile(path: string, create: () => Buffer): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, create());
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(`Key file ${path} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
  }
  chmodSync(path, 0o600);
  return readFileSync(path);
}
