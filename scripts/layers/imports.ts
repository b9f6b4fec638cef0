// The imports of every source file, read from its text: `import … from 'x'`, `export … from 'x'`,
// `import('x')` and `import 'x'`. Relative specifiers are resolved to repository paths, so a rule
// can speak of folders. TypeScript 7 has no JavaScript API, which dependency-cruiser and
// typescript-eslint need, so the layers are checked from the text (imports are one line each here).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

export interface Import {
  from: string;
  /** A repository path for a relative import ('app/db/engine.ts'), else the package or `node:` name. */
  to: string;
  typeOnly: boolean;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string, text = readFileSync(file, 'utf8')): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4];
    const to = specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : specifier.replace(/\?.*$/, '');
    found.push({ from: file, to, typeOnly: Boolean(match[2]) });
  }
  return found;
}
