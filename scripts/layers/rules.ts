// The project's layers (README, "Layout"), as rules over imports. Browser code runs one way,
// views → shell, search, components → db → release; the build and tools reach into the app
// only through its release contract; nothing in the app reaches into scripts/ or Node.
import type { Import } from './imports.ts';

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** What an engine implements and shares: the interface and the export helpers every engine uses. */
const ENGINE_INTERFACE = ['app/db/engine.ts', 'app/db/exports.ts'];
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const under = (path: string, folder: string) => path.startsWith(`${folder}/`);
const viewOf = (path: string) => /^app\/views\/([^/]+)\//.exec(path)?.[1];

interface Rule {
  name: string;
  /** True when the import breaks the rule. */
  breaks: (i: Import) => boolean;
}

export const RULES: Rule[] = [
  {
    name: 'app/ never imports scripts/ or Node (tests and Node-only harnesses live under scripts/)',
    breaks: ({ from, to }) => under(from, 'app') && !isTest(from) && (under(to, 'scripts') || to.startsWith('node:')),
  },
  {
    name: 'app/release/ is pure: it imports only itself',
    breaks: ({ from, to }) => under(from, 'app/release') && !isTest(from) && !under(to, 'app/release') && !to.startsWith('vitest'),
  },
  {
    name: 'app/search/ is pure TypeScript: search and release only (no React, no DuckDB, no db)',
    breaks: ({ from, to }) => under(from, 'app/search') && !isTest(from) && !under(to, 'app/search') && !under(to, 'app/release'),
  },
  {
    name: 'app/db/ imports only itself, the release contract, cloud behind its interface, and the engine packages',
    breaks: ({ from, to }) => under(from, 'app/db') && !isTest(from) && under(to, 'app')
      && !under(to, 'app/db') && !under(to, 'app/release') && !under(to, 'app/cloud'),
  },
  {
    name: 'only app/db/ and app/cloud/ import DuckDB',
    breaks: ({ from, to }) => /^@duckdb\/duckdb-wasm|^@motherduck\//.test(to) && !isTest(from)
      && !under(from, 'app/db') && !under(from, 'app/cloud') && !under(from, 'scripts/engines') && !under(from, 'scripts/bench'),
  },
  {
    name: 'app/cloud/ sees the app only through the engine interface and the release contract',
    breaks: ({ from, to }) => under(from, 'app/cloud') && !isTest(from) && under(to, 'app')
      && !under(to, 'app/cloud') && !under(to, 'app/release') && !ENGINE_INTERFACE.includes(to),
  },
  {
    name: 'views never import each other',
    breaks: ({ from, to }) => viewOf(from) !== undefined && viewOf(to) !== undefined && viewOf(from) !== viewOf(to),
  },
  {
    name: 'nothing below the views imports a view or the shell',
    breaks: ({ from, to }) => /^app\/(db|search|release|cloud|components)\//.test(from) && /^app\/(views|shell)\/|^app\/app\.tsx$/.test(to),
  },
  {
    name: 'scripts/ reach into app/ only through the release contract (engines/: Node harnesses of the app\'s engines and its queries; bench pages run the app)',
    breaks: ({ from, to }) => under(from, 'scripts') && !isTest(from) && under(to, 'app') && !under(to, 'app/release')
      && !(under(from, 'scripts/engines') && /^app\/(db|cloud|search)\//.test(to)) && !under(from, 'scripts/bench/pages'),
  },
];

export function violations(imports: Import[]): Violation[] {
  return imports.flatMap((i) => RULES.filter((r) => r.breaks(i)).map((r) => ({ rule: r.name, from: i.from, to: i.to })));
}

/** Import cycles between files (type-only imports count: they tie the modules' meaning). */
export function cycles(imports: Import[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const { from, to } of imports) edges.set(from, [...(edges.get(from) ?? []), to]);
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return found;
}
