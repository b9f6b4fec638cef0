// One build at a time per release folder: a second would sweep away the files the first is
// about to publish. The lock names its process, so the lock of a killed build is taken over
// and a live one is refused in words.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { BuildError } from './failure.ts';

export const LOCK_FILE = '.build.lock';

interface Holder {
  pid: number;
  host: string;
}

/** Takes the folder's lock (which must exist); returns its release. */
export function lockReleaseFolder(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (attempt > 0 || (holder && isAlive(holder))) {
        throw new BuildError(`${dir} is being written by another build (${holder ? `process ${holder.pid} on ${holder.host}` : 'unknown process'}); ` +
          `if none is running, delete ${path}`);
      }
      rmSync(path, { force: true }); // its build was killed
    }
  }
}

/** A process holds the lock; one killed while writing it leaves an unreadable lock, held by nobody. */
function readHolder(path: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : null;
  } catch {
    return null;
  }
}

/** Another machine's process (a shared drive) cannot be checked, so it counts as alive. */
function isAlive({ pid, host }: Holder): boolean {
  return host !== hostname() || isRunning(pid);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}
