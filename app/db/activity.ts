// Whether the engine is busy, and since when, so the page can say it is still working when a
// server answers slowly (issue 12 item 10: with every response 5 s late, nothing said so for
// ~26 s), and that the engine is restarting after a failed read (restartable.ts).
import { useSyncExternalStore } from 'react';
import type { Engine } from './engine.ts';

export interface Activity {
  /** When the oldest query still running began (performance.now()), or null when idle. */
  busySince: number | null;
  restarting: boolean;
}

let activity: Activity = { busySince: null, restarting: false };
const running = new Map<number, number>(); // query → its start
let nextId = 0;
const listeners = new Set<() => void>();

function update(change: Partial<Activity>) {
  activity = { ...activity, ...change };
  listeners.forEach((l) => l());
}

export function setRestarting(restarting: boolean) {
  update({ restarting });
}

async function tracked<T>(work: () => Promise<T>): Promise<T> {
  const id = nextId++;
  running.set(id, performance.now());
  if (running.size === 1) update({ busySince: running.get(id)! });
  try {
    return await work();
  } finally {
    running.delete(id);
    const oldest = running.size ? Math.min(...running.values()) : null;
    if (oldest !== activity.busySince) update({ busySince: oldest });
  }
}

/** The engine, with every query and export counted while it runs. */
export function withActivity(engine: Engine): Engine {
  return {
    ...engine,
    query: (sql, params, options) => tracked(() => engine.query(sql, params, options)),
    copyTo: (sql, params, format) => tracked(() => engine.copyTo(sql, params, format)),
  };
}

export function useActivity(): Activity {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => activity);
}
