// vite build copies public/ into dist/ whole, so what an interrupted data build left in
// public/data (its staging folder, its lock, files no manifest names) would ship with the
// site. This plugin sweeps the copy, by the same rule the next data build sweeps the original.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { sweepRelease } from './release-folder.ts';

export function releaseOnly(): Plugin {
  return {
    name: 'nrd-release-only',
    apply: 'build',
    writeBundle({ dir }) {
      const data = join(dir!, 'data');
      const removed = existsSync(data) ? sweepRelease(data) : [];
      if (removed.length) this.warn(`left out of dist/data what no manifest names: ${removed.join(', ')}`);
    },
  };
}
