// The memory of the benchmark's browser, read from Linux's /proc: one browser runs at a time,
// and its processes are the Chromium processes descending from this one.
//
// Why not its whole PSS: a page of Chromium's own code (its binary, its libraries: 115–232 MB
// of this browser's PSS) is shared with every Chromium process on the machine, and PSS divides
// it among them all. Another session's browser starting or ending moved this browser's PSS by
// ~110 MB with nothing in it changed (×1 directory, one run: 232 MB of file pages at ready,
// 124 MB after the mix). What the page itself costs is the memory its processes allocated:
// anonymous and shared-memory pages (`Pss_Anon` + `Pss_Shmem`; shared only among this
// browser's own processes), the figure Chrome's "private memory footprint" counts too.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** `browser`, `renderer`, `gpu-process`, `utility:NetworkService`… */
  type: string;
  /** Anonymous + shared memory: what the process allocated. */
  privateBytes: number;
  /** Its whole PSS, Chromium's code pages included. */
  pssBytes: number;
}

export interface BrowserMemory {
  privateBytes: number;
  pssBytes: number;
  processes: ProcessMemory[];
}

/** Every Chromium process this benchmark started. */
function browserPids(): number[] {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium') && descends(pid);
    } catch {
      return false; // the process ended while we looked
    }
  });
}

function descends(pid: number): boolean {
  for (let p = pid; p > 1;) {
    if (p === process.pid) return true;
    p = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  }
  return false;
}

function processMemory(pid: number): ProcessMemory | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
    const service = /--utility-sub-type=([\w.]+)/.exec(cmdline)?.[1].split('.').pop();
    return { type: service ? `${type}:${service}` : type, privateBytes: kb('Pss_Anon') + kb('Pss_Shmem'), pssBytes: kb('Pss') };
  } catch {
    return null; // the process ended while we looked
  }
}

export function browserMemory(): BrowserMemory {
  const processes = browserPids().map(processMemory).filter((p) => p !== null);
  const sum = (key: 'privateBytes' | 'pssBytes') => processes.reduce((total, p) => total + p[key], 0);
  return { privateBytes: sum('privateBytes'), pssBytes: sum('pssBytes'), processes };
}

export function killBrowsers() {
  for (const pid of browserPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
