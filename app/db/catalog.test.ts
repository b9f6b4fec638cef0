import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachRelease } from './catalog.ts';
import { fetchManifest } from './manifest-fetch.ts';
import { SCHEMA_VERSION } from '../release/manifest.ts';
import type { Engine, Row } from './engine.ts';
import type { Manifest } from '../release/manifest.ts';
import { keptFrom, keptSelect, keyRelation, orCopy, relation, untilCopy } from '../release/relation.ts';
import { sql } from '../release/sql.ts';

function table(paths: string[], partitioned_by: string[] = []) {
  return { partitioned_by, rows: 1, columns: [], files: paths.map((path, i) => ({ path, partition: {}, rows: 1, bytes: 1000 + i, sha256: '' })) };
}

const manifest: Pick<Manifest, 'tables'> = {
  tables: {
    organizations: table(['organizations/state=MA/a.parquet', 'organizations/state=RI/b.parquet'], ['state']),
    organizations_by_id: table(['organizations_by_id/c.parquet']),
    gazetteer: table(['gazetteer/d.parquet']),
  },
};

function recorder() {
  const log: string[] = [];
  const engine: Engine = {
    async query(sql) {
      log.push(sql);
      return [];
    },
    async exec(sql) {
      log.push(sql);
    },
    async registerFile(name, _url, bytes) {
      log.push(`register ${name}${bytes === undefined ? '' : ` ${bytes} B`}`);
    },
    async copyTo(sql) {
      log.push(`copy ${sql}`);
      return new Uint8Array();
    },
    async cancel() {
      return false;
    },
  };
  return { engine, log };
}

describe('attachRelease', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives each file\'s length with it only where the host said, with the manifest, that it answers ranges', async () => {
    for (const [data, ranges] of [['https://ranges.example/data/', 'bytes'], ['https://whole.example/data/', null]] as const) {
      vi.stubGlobal('fetch', async () => Response.json({ schema_version: SCHEMA_VERSION }, { headers: ranges ? { 'accept-ranges': ranges } : {} }));
      await fetchManifest(new URL(data));
      const { engine, log } = recorder();
      await attachRelease(engine, { tables: { gazetteer: manifest.tables.gazetteer } }, new URL(data));
      expect(log).toEqual([`register gazetteer/d.parquet${ranges ? ' 1000 B' : ''}`]);
    }
  });

  it('registers every file at once but creates a view only when a query first names it', async () => {
    const { engine, log } = recorder();
    const attached = await attachRelease(engine, manifest, new URL('https://example.org/data/'));
    expect(log).toEqual(['register organizations/state=MA/a.parquet', 'register organizations/state=RI/b.parquet',
      'register organizations_by_id/c.parquet', 'register gazetteer/d.parquet']);
    log.length = 0;

    await attached.query('SELECT * FROM organizations_by_id WHERE org_id = ?', ['x']);
    await attached.query('SELECT count(*) FROM organizations_by_id');
    expect(log).toEqual([
      `CREATE OR REPLACE TEMP VIEW "organizations_by_id" AS SELECT * FROM read_parquet(['organizations_by_id/c.parquet'])`,
      'SELECT * FROM organizations_by_id WHERE org_id = ?',
      'SELECT count(*) FROM organizations_by_id',
    ]);
  });

  it('reads file paths in string literals as paths, not as names of views', async () => {
    const { engine, log } = recorder();
    const attached = await attachRelease(engine, manifest, new URL('https://example.org/data/'));
    log.length = 0;
    await attached.query(`SELECT * FROM read_parquet(['organizations/state=MA/a.parquet'], hive_partitioning = true) o
      JOIN gazetteer g ON true`);
    expect(log[0]).toBe(`CREATE OR REPLACE TEMP VIEW "gazetteer" AS SELECT * FROM read_parquet(['gazetteer/d.parquet'])`);
    expect(log.filter((l) => l.startsWith('CREATE'))).toHaveLength(1);
  });

  it('creates the views an export needs before it runs', async () => {
    const { engine, log } = recorder();
    const attached = await attachRelease(engine, manifest, new URL('https://example.org/data/'));
    log.length = 0;
    await attached.copyTo('SELECT * FROM gazetteer', [], 'csv');
    expect(log).toEqual([`CREATE OR REPLACE TEMP VIEW "gazetteer" AS SELECT * FROM read_parquet(['gazetteer/d.parquet'])`, 'copy SELECT * FROM gazetteer']);
  });

  it('creates a partitioned view over hive paths, and tries again after a failure', async () => {
    const { engine, log } = recorder();
    let fail = true;
    const flaky: Engine = {
      ...engine,
      async exec(sql) {
        if (fail) throw new Error('HTTP 404');
        return engine.exec(sql);
      },
    };
    const attached = await attachRelease(flaky, manifest, new URL('https://example.org/data/'));
    await expect(attached.query('SELECT * FROM organizations')).rejects.toThrow('HTTP 404');
    fail = false;
    log.length = 0;
    await attached.query('SELECT * FROM organizations');
    expect(log[0]).toBe(`CREATE OR REPLACE TEMP VIEW "organizations" AS SELECT * FROM read_parquet(` +
      `['organizations/state=MA/a.parquet', 'organizations/state=RI/b.parquet'], hive_partitioning = true)`);
  });

  it('makes a copy a state at a time once idle, and a query that comes meanwhile runs before the next state\'s part', async () => {
    const { engine, log } = recorder();
    const gates = new Map<string, () => void>();
    const gate = (name: string) => new Promise<void>((go) => gates.set(name, go));
    const gated: Engine = {
      ...engine,
      async query(text, params) {
        if (text === 'SELECT 2') await gate('query');
        return engine.query(text, params);
      },
      async exec(text) {
        if (text.startsWith('CREATE OR REPLACE TEMP TABLE')) await gate('first part');
        return engine.exec(text);
      },
    };
    const byState = { tables: { organizations: { ...manifest.tables.organizations, files: manifest.tables.organizations.files.map((f) => ({ ...f, partition: { state: /state=(\w+)/.exec(f.path)![1] } })) } } };
    const rows = keptSelect('rows', (states) => sql`SELECT org_id FROM ${relation('organizations', states)} o`);
    const read = sql`SELECT * FROM ${orCopy(rows, sql`SELECT org_id FROM ${relation('organizations')} o`)}`;
    const attached = await attachRelease(gated, byState, new URL('https://example.org/data/'));
    const tick = () => new Promise((go) => setTimeout(go, 5));

    await attached.query(read.text, read.params); // from the files; the copy is begun once it is done
    await tick();
    expect(gates.has('first part')).toBe(true);
    const second = attached.query('SELECT 2');
    gates.get('first part')!();
    await tick();
    expect(log.filter((l) => l.startsWith('INSERT')), 'no second part while a query waits').toEqual([]);
    gates.get('query')!();
    await second;
    await tick();
    expect(log.slice(log.indexOf('SELECT 2'))).toEqual([
      'SELECT 2',
      `INSERT INTO "kept_rows" SELECT org_id FROM read_parquet(['organizations/state=RI/b.parquet'], hive_partitioning = true) o`,
    ]);
    expect(log).toContain(`CREATE OR REPLACE TEMP TABLE "kept_rows" AS SELECT org_id FROM read_parquet(['organizations/state=MA/a.parquet'], hive_partitioning = true) o`);
    log.length = 0;
    await attached.query(read.text, read.params);
    expect(log).toEqual(['SELECT * FROM "kept_rows"']);
  });

  it('copies only the states a query read, reads the copy once it holds them all, and answers point lookups from it only once whole', async () => {
    const { engine, log } = recorder();
    const byState = { tables: { organizations: { ...manifest.tables.organizations, files: manifest.tables.organizations.files.map((f) => ({ ...f, partition: { state: /state=(\w+)/.exec(f.path)![1] } })) }, organizations_by_id: manifest.tables.organizations_by_id } };
    const rows = keptSelect('rows', (states) => sql`SELECT org_id, state FROM ${relation('organizations', states)} o`, 'org_id');
    const words = keptFrom('words', rows, 0, (table, states) => `SELECT org_id FROM ${table} WHERE state = '${states}'`);
    const near = (states: string[]) => sql`SELECT * FROM ${orCopy(rows, sql`SELECT org_id, state FROM ${relation('organizations', states)} o`)}
      UNION ALL SELECT * FROM ${orCopy(words, sql`SELECT 'unindexed'`)}`;
    const lookup = sql`SELECT * FROM ${orCopy(rows, sql`SELECT org_id, state FROM ${keyRelation('organizations_by_id', 'SAMHSA_OUT_000001')} b`)}`;
    const counting: Engine = { ...engine, query: async <T extends Row>(text: string, params?: readonly unknown[]) => (text.startsWith('SELECT count(*)') ? [{ n: 2 } as Row as T] : engine.query<T>(text, params)) };
    const attached = await attachRelease(counting, byState, new URL('https://example.org/data/'));
    const run = async (q: { text: string; params: unknown[] }) => {
      log.length = 0;
      await attached.query(q.text, q.params);
      const ran = log.find((l) => l.startsWith('SELECT *'))!;
      await new Promise((go) => setTimeout(go, 5));
      return { ran, made: log.filter((l) => /^(CREATE OR REPLACE TEMP TABLE|INSERT|CREATE INDEX)/.test(l)) };
    };
    const ma = `SELECT org_id, state FROM read_parquet(['organizations/state=MA/a.parquet'], hive_partitioning = true) o`;
    const ri = `SELECT org_id, state FROM read_parquet(['organizations/state=RI/b.parquet'], hive_partitioning = true) o`;

    expect(await run(lookup), 'a lookup asks for no copy').toMatchObject({ made: [] });
    let step = await run(near(['MA']));
    expect(step.ran).toContain(`(${ma})`);
    expect(step.made, 'only its state, and no copy of a part of a copy').toEqual([`CREATE OR REPLACE TEMP TABLE "kept_rows" AS ${ma}`]);
    step = await run(near(['MA']));
    expect(step.ran).toContain('SELECT * FROM "kept_rows"');
    expect(step.made).toEqual([]);
    expect((await run(lookup)).ran, 'a lookup reads the files until the copy is whole').not.toContain('kept_rows');
    step = await run(near(['MA', 'RI']));
    expect(step.ran, 'RI is not held yet').not.toContain('kept_rows');
    expect(step.made).toEqual([`INSERT INTO "kept_rows" ${ri}`, 'CREATE INDEX "kept_rows_key" ON "kept_rows" ("org_id")']);
    expect((await run(lookup)).ran).toBe('SELECT * FROM "kept_rows"');
    step = await run(near(['MA', 'RI']));
    expect(step.ran).toContain('SELECT * FROM "kept_rows"');
    expect(step.made, 'the copy of the copy, once that one is whole').toEqual([`CREATE OR REPLACE TEMP TABLE "kept_words" AS SELECT org_id FROM "kept_rows" WHERE state = 'MA'`,
      `INSERT INTO "kept_words" SELECT org_id FROM "kept_rows" WHERE state = 'RI'`]);
  });

  it('makes a copy of a copy once that one is whole, a state at a time, and not from fewer rows than it asks', async () => {
    const byState = { tables: { organizations: { ...manifest.tables.organizations, files: manifest.tables.organizations.files.map((f) => ({ ...f, partition: { state: /state=(\w+)/.exec(f.path)![1] } })) } } };
    const rows = keptSelect('rows', (states) => sql`SELECT org_id, state FROM ${relation('organizations', states)} o`);
    const words = (minRows: number) => keptFrom('words', rows, minRows, (table, states) => `SELECT org_id FROM ${table} WHERE state IN (${states?.map((s) => `'${s}'`).join(', ')})`);
    const read = (minRows: number) => sql`SELECT * FROM ${orCopy(words(minRows), sql`SELECT org_id FROM ${orCopy(rows, sql`SELECT org_id FROM ${relation('organizations')} o`)}`)}
      UNION ALL SELECT * FROM ${untilCopy(words(minRows), sql`SELECT 'row by row'`)}`;
    for (const [minRows, made] of [[2, true], [3, false]] as const) {
      const { engine, log } = recorder();
      const counting: Engine = { ...engine, query: async <T extends Row>(text: string, params?: readonly unknown[]) => (text.startsWith('SELECT count(*)') ? [{ n: 2 } as Row as T] : engine.query<T>(text, params)) };
      const attached = await attachRelease(counting, byState, new URL('https://example.org/data/'));
      const q = read(minRows);
      await attached.query(q.text, q.params);
      await new Promise((go) => setTimeout(go, 5));
      const making = log.filter((l) => l.includes('TEMP TABLE') || l.startsWith('INSERT'));
      expect(making.slice(2), `minRows ${minRows}`).toEqual(made ? [`CREATE OR REPLACE TEMP TABLE "kept_words" AS SELECT org_id FROM "kept_rows" WHERE state IN ('MA')`,
        `INSERT INTO "kept_words" SELECT org_id FROM "kept_rows" WHERE state IN ('RI')`] : []);
      log.length = 0;
      await attached.query(q.text, q.params);
      expect(log.at(-1)).toBe(made ? `SELECT * FROM "kept_words"\n      UNION ALL SELECT * FROM (SELECT * FROM (SELECT 'row by row') WHERE FALSE)`
        : `SELECT * FROM (SELECT org_id FROM "kept_rows")\n      UNION ALL SELECT * FROM (SELECT 'row by row')`);
    }
  });

  it('answers a query that names a copy in parts more than once (the nearby supports\' names)', { timeout: 5000 }, async () => {
    const { engine, log } = recorder();
    const byState = { tables: { organizations: { ...manifest.tables.organizations, files: manifest.tables.organizations.files.map((f) => ({ ...f, partition: { state: /state=(\w+)/.exec(f.path)![1] } })) } } };
    const rows = keptSelect('rows', (states) => sql`SELECT org_id FROM ${relation('organizations', states)} o`);
    const attached = await attachRelease(engine, byState, new URL('https://example.org/data/'));
    const names = sql`SELECT * FROM ${rows} WHERE org_id = 'a' UNION ALL SELECT * FROM ${rows} WHERE org_id = 'b'`;
    await attached.query(names.text, names.params);
    expect(log.at(-1)).toBe(`SELECT * FROM "kept_rows" WHERE org_id = 'a' UNION ALL SELECT * FROM "kept_rows" WHERE org_id = 'b'`);
  });
  it('keeps the states a copy made before a part failed, reads the files for the rest and makes no more', async () => {
    const { engine, log } = recorder();
    const failing: Engine = {
      ...engine,
      async exec(text) {
        await engine.exec(text);
        if (text.startsWith('INSERT')) throw new Error('Out of Memory Error');
      },
    };
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const byState = { tables: { organizations: { ...manifest.tables.organizations, files: manifest.tables.organizations.files.map((f) => ({ ...f, partition: { state: /state=(\w+)/.exec(f.path)![1] } })) } } };
      const rows = keptSelect('rows', (states) => sql`SELECT org_id FROM ${relation('organizations', states)} o`);
      const read = (states: string[] | null) => sql`SELECT * FROM ${orCopy(rows, sql`SELECT org_id FROM ${relation('organizations', states)} o`)}`;
      const attached = await attachRelease(failing, byState, new URL('https://example.org/data/'));
      const settle = () => new Promise((go) => setTimeout(go, 20));
      const run = async (q: { text: string; params: unknown[] }) => {
        await attached.query(q.text, q.params);
        await settle();
      };
      await run(read(null));
      await run(read(null));
      expect(log.filter((l) => l.startsWith('CREATE OR REPLACE TEMP TABLE'))).toHaveLength(1);
      expect(log.filter((l) => l.startsWith('INSERT')), 'no part tried again').toHaveLength(1);
      // Massachusetts' part was made, and may be read already: it stays.
      expect(log.filter((l) => l.startsWith('DROP'))).toEqual([]);
      expect(warned).toHaveLength(1);
      log.length = 0;
      await run(read(['MA']));
      await run(read(['MA', 'RI']));
      await run(read(null));
      expect(log).toEqual(['SELECT * FROM "kept_rows"',
        `SELECT * FROM (SELECT org_id FROM read_parquet(['organizations/state=MA/a.parquet', 'organizations/state=RI/b.parquet'], hive_partitioning = true) o)`,
        'SELECT * FROM (SELECT org_id FROM "organizations" o)']);
    } finally {
      console.warn = warn;
    }
  });
});
