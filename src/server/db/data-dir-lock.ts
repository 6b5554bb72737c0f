import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';

/** The lock file inside the data folder; PostgreSQL ignores unknown files at the top of its data directory. */
export const LOCK_FILE = 'samenplan.lock';

/** Another live process holds the data folder; the message is one line naming it. */
export class DataDirLockedError extends Error {}

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

/** Data folders this process holds, so a pid recorded by an earlier life of this same pid (containers) counts as stale. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.host !== 'string') return undefined;
    return { pid: info.pid, host: info.host, command: String(info.command ?? '?'), startedAt: String(info.startedAt ?? '?') };
  } catch {
    return undefined;
  }
}

/** Whether the recorded holder may still be using the folder. */
function isLive(info: LockInfo | undefined, dir: string): boolean {
  if (!info) return false; // unreadable: written by a process that died mid-write (we write atomically)
  if (info.host !== hostname()) return true; // a process on another machine (shared disk): cannot check, so assume alive
  if (info.pid === process.pid) return held.has(dir);
  return isAlive(info.pid);
}

function describe(info: LockInfo | undefined, dir: string): string {
  const who = info ? `process ${info.pid} on ${info.host} (${info.command}, started ${info.startedAt})` : 'another process';
  return (
    `The data folder ${dir} is in use by ${who}. ` +
    'The embedded database serves one process at a time: stop that one first, or use PostgreSQL (DATABASE_URL) to run several.'
  );
}

/**
 * Takes the exclusive lock on a PGlite data folder, or throws DataDirLockedError naming the holder.
 * Two processes on one folder each keep their own copy of the database in memory and overwrite each
 * other's writes, so a second server or CLI command must refuse instead. A lock left by a process
 * that died is taken over. Returns the release function (also run when the process exits).
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    command: [basename(process.argv[1] ?? process.argv0), ...process.argv.slice(2)].join(' '),
    startedAt: new Date().toISOString(),
  };
  // Written to a private file first and linked into place, so the lock never exists half-written.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(mine) + '\n', { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const current = readLock(path);
      if (isLive(current, dir) || attempt >= 3) throw new DataDirLockedError(describe(current, dir));
      // Stale: move it aside, and put it back if another process replaced it in the meantime.
      const aside = `${path}.${process.pid}.stale`;
      try {
        renameSync(path, aside);
      } catch {
        continue;
      }
      const moved = readLock(aside);
      if (JSON.stringify(moved) !== JSON.stringify(current) && isLive(moved, dir)) {
        try {
          linkSync(aside, path);
        } catch {
          /* someone else holds it now; the next attempt reports them */
        }
      }
      unlinkSync(aside);
    }
  } finally {
    unlinkSync(tmp);
  }
  held.add(dir);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(dir);
    process.removeListener('exit', release);
    // Only remove the file if it is still ours.
    if (readLock(path)?.pid === process.pid && readLock(path)?.startedAt === mine.startedAt) {
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    }
  };
  process.once('exit', release);
  return release;
}
