import { describe, expect, it } from 'vitest';
import { importsOf } from './imports.ts';
import { cycles, violations } from './rules.ts';

const arrow = (from: string, to: string) => ({ from, to, typeOnly: false });

describe('imports', () => {
  it('reads static, re-exported, type-only and dynamic imports, resolving relative ones', () => {
    const text = `import { a } from './a.ts';\nimport type { B } from '../db/b.ts';\nexport { c } from 'react';\n`
      + `import './side.css';\nconst m = await import('../cloud/motherduck.ts');\nimport url from 'maplibre-gl/dist/worker.mjs?url';`;
    expect(importsOf('app/search/q.ts', text)).toEqual([
      arrow('app/search/q.ts', 'app/search/a.ts'),
      { ...arrow('app/search/q.ts', 'app/db/b.ts'), typeOnly: true },
      arrow('app/search/q.ts', 'react'),
      arrow('app/search/q.ts', 'app/search/side.css'),
      arrow('app/search/q.ts', 'app/cloud/motherduck.ts'),
      arrow('app/search/q.ts', 'maplibre-gl/dist/worker.mjs'),
    ]);
  });
});

describe('the layer rules', () => {
  it('refuse the arrows that run the wrong way', () => {
    const wrong = [
      arrow('app/search/queries.ts', 'app/db/engine.ts'),
      arrow('app/search/queries.ts', 'react'),
      arrow('app/release/manifest.ts', 'node:fs'),
      arrow('app/db/catalog.ts', 'app/search/sql.ts'),
      arrow('app/views/map/results-map.tsx', 'app/views/table/columns.tsx'),
      arrow('app/components/offline-copy.tsx', 'app/shell/use-view.ts'),
      arrow('app/views/detail/detail-panel.tsx', '@duckdb/duckdb-wasm'),
      arrow('app/db/database.ts', 'scripts/build/db.ts'),
      arrow('scripts/build/pipeline.ts', 'app/db/literals.ts'),
      arrow('app/cloud/motherduck.ts', 'app/db/catalog.ts'),
    ];
    expect([...new Set(violations(wrong).map((v) => `${v.from} → ${v.to}`))]).toEqual(wrong.map((w) => `${w.from} → ${w.to}`));
  });

  it('let the arrows that run the right way through', () => {
    expect(violations([
      arrow('app/views/map/results-map.tsx', 'app/search/queries.ts'),
      arrow('app/views/map/results-map.tsx', 'app/db/use-query.ts'),
      arrow('app/search/queries.ts', 'app/release/sql.ts'),
      arrow('app/db/catalog.ts', 'app/release/relation.ts'),
      arrow('app/db/database.ts', 'app/cloud/motherduck.ts'),
      arrow('app/cloud/cloud-engine.ts', 'app/db/engine.ts'),
      arrow('scripts/build/pipeline.ts', 'app/release/manifest.ts'),
      arrow('scripts/engines/native-engine.ts', 'app/db/engine.ts'),
      arrow('app/search/queries.test.ts', 'scripts/build/pipeline.ts'),
    ])).toEqual([]);
  });

  it('find import cycles', () => {
    expect(cycles([arrow('a.ts', 'b.ts'), arrow('b.ts', 'c.ts'), arrow('c.ts', 'a.ts'), arrow('c.ts', 'd.ts')]))
      .toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(cycles([arrow('a.ts', 'b.ts'), arrow('b.ts', 'c.ts')])).toEqual([]);
  });
});
