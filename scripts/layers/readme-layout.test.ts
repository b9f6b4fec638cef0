// The README's "Layout" names files and folders; each must exist, so the section stays true as
// the code moves. A name with a folder (`app/db/engine.ts`) is read from the project's root;
// a bare one (`engine.ts`, `table/`) from the nearest folder named before it that holds it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** What the build and the benchmark write: named in the Layout, never committed. */
const WRITTEN_BY_TOOLS = new Set(['public/data/', 'bench/']);
const FILE = /\.(ts|tsx|json|sql|md|cjs|html|css)$/;

function layoutPaths(readme: string): { path: string; resolved: string | null }[] {
  const section = /^## Layout\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const folders: string[] = [''];
  const found: { path: string; resolved: string | null }[] = [];
  for (const [, token] of section.matchAll(/`([^`\s]+)`/g)) {
    if (!/^[\w.@-]+(\/[\w.@-]*)*$/.test(token) || !(token.includes('/') || FILE.test(token))) continue;
    const candidates = token.includes('/') && !token.endsWith('/') || /^(app|scripts|e2e|data|public|bench)\//.test(token)
      ? [token] : folders.map((folder) => folder + token);
    const resolved = candidates.find((c) => WRITTEN_BY_TOOLS.has(c) || existsSync(c)) ?? null;
    found.push({ path: token, resolved });
    if (resolved?.endsWith('/')) folders.unshift(resolved);
  }
  return found;
}

describe('README, "Layout"', () => {
  const paths = layoutPaths(readFileSync('README.md', 'utf8'));

  it('names only files and folders that exist', () => {
    expect(paths.length).toBeGreaterThan(60);
    expect(paths.filter((p) => p.resolved === null).map((p) => p.path)).toEqual([]);
  });

  it('would notice a file that is gone', () => {
    const readme = '## Layout\n`app/db/`: `engine.ts`, `gone.ts` and `app/search/none.ts`; `table/` is not here.\n## Next\n';
    expect(layoutPaths(readme).filter((p) => p.resolved === null).map((p) => p.path)).toEqual(['gone.ts', 'app/search/none.ts', 'table/']);
  });
});
