// Every normalization rule, run in real DuckDB exactly as the build runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ngeohash from 'ngeohash';
import { type Db, loadMacros, openDb, rows } from '../build/db.ts';

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await loadMacros(db);
});
afterAll(() => db.closeSync());

const one = async (sql: string, params: unknown[] = []) =>
  Object.values((await rows(db, `SELECT ${sql} AS v`, params))[0])[0];

describe('text', () => {
  it('trims, folds white space and control characters, and makes blanks NULL', async () => {
    expect(await one(`clean_text(?)`, ['  a \t\n b  '])).toBe('a b');
    expect(await one(`clean_text(?)`, ['   '])).toBeNull();
    expect(await one(`clean_text(?)`, ['Recovery 🌅 حديقة'])).toBe('Recovery 🌅 حديقة');
    // Each alone: a double space, a lone tab, a control character, a single space kept.
    expect(await one(`clean_text(?)`, ['a  b'])).toBe('a b');
    expect(await one(`clean_text(?)`, ['a\tb'])).toBe('a b');
    expect(await one(`clean_text(?)`, ['a\u0001b c'])).toBe('a b c');
  });
  it('turns JSON string arrays into clean lists and anything else into NULL', async () => {
    expect(await one(`clean_list(?::JSON)`, ['[" x ", "", null, "y"]'])).toEqual(['x', 'y']);
    expect(await one(`clean_list(?::JSON)`, ['"MM"'])).toBeNull();
    expect(await one(`clean_list(?::JSON)`, ['[]'])).toBeNull();
  });
  it('reads flags written as booleans, strings or numbers', async () => {
    for (const yes of ['true', 'yes', 'Y', '1']) expect(await one(`truthy(?)`, [yes])).toBe(true);
    for (const no of ['false', 'no', '0', '']) expect(await one(`truthy(?)`, [no])).toBe(false);
    expect(await one(`truthy(NULL)`)).toBe(false);
  });
  it('tells a flag that is neither yes nor no (read as no) from one that says no', async () => {
    expect(await one(`[flag_value(?), flag_value(?), flag_value(?), flag_value(NULL)]`, ['N', 'maybe', ' '])).toEqual([false, null, null, null]);
    expect(await one(`truthy(?)`, ['maybe'])).toBe(false);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","click")', `'=HYPERLINK("https://evil.example","click")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ["@SUM(1+1)*cmd|' /C calc'!A0", `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['-2', '-2'],
    ['+3.5', '+3.5'],
    ['-1e5', '-1e5'],
    ['-', `'-`],
    ['Harbor Light', 'Harbor Light'],
    ['a=1', 'a=1'],
  ])('%j is written as %j', async (input, expected) => {
    expect(await one(`formula_safe(?)`, [input])).toBe(expected);
  });
  it('writes numbers and NULL as they are', async () => {
    expect(await one(`[formula_safe(-2), formula_safe(3.5), formula_safe(NULL)]`)).toEqual(['-2', '3.5', null]);
  });
});

describe('contact details', () => {
  it.each([
    ['(617) 555-0123', '(617) 555-0123'],
    ['617.555.0123', '(617) 555-0123'],
    ['6175550123', '(617) 555-0123'],
    ['+1 617 555 0123', '(617) 555-0123'],
    ['1-617-555-0123', '(617) 555-0123'],
    ['Phone: 617/555-0123', '(617) 555-0123'],
    ['617-555-0123.', '(617) 555-0123'],
    // Extensions as SAMHSA writes them, and the other usual ways.
    ['256-734-4688 x3971', '(256) 734-4688 ext. 3971'],
    ['256-734-4688 x1', '(256) 734-4688 ext. 1'],
    ['213-555-0100 x23014', '(213) 555-0100 ext. 23014'],
    ['617-555-0123x12', '(617) 555-0123 ext. 12'],
    ['617-555-0123 ext. 12', '(617) 555-0123 ext. 12'],
    ['617-555-0123 Ext 12', '(617) 555-0123 ext. 12'],
    ['617-555-0123 extension 12', '(617) 555-0123 ext. 12'],
    ['617-555-0123 #12', '(617) 555-0123 ext. 12'],
    ['617-555-0123,12', '(617) 555-0123 ext. 12'],
    ['617-555-0123;ext=12', '(617) 555-0123 ext. 12'],
    // Zeros are no extension (SAMHSA's "x0"), and no unread tail either; a zero among digits is.
    ['617-555-0123 x0', '(617) 555-0123'], ['617-555-0123 x000', '(617) 555-0123'], ['617-555-0123 x01', '(617) 555-0123 ext. 01'],
    // Vanity numbers from SAMHSA's intake columns, read off the keypad.
    ['888-PARNEXT', '(888) 727-6398'],
    ['813-630HOPE', '(813) 630-4673'],
    ['618-6924DUI', '(618) 692-4384'],
    ['1-800-662-HELP', '(800) 662-4357'],
    // An unread tail keeps the number (and the build warns).
    ['617-555-0123 (front desk)', '(617) 555-0123'],
    ['617-555-0123 or 617-555-0124', '(617) 555-0123'],
    ['555-0123', null],
    ['555-0123 EXT12', null],
    ['+44 20 7946 0958', null],
    ['call us!', null],
  ])('phone %s → %s', async (input, expected) => {
    expect(await one(`norm_phone(?)`, [input])).toBe(expected);
  });

  it('reads a phone into its number, extension and the tail it could not read', async () => {
    expect(await one(`phone_read(?)`, ['256-734-4688 x3971'])).toEqual({ number: '2567344688', extension: '3971', tail: null });
    expect(await one(`phone_read(?)`, ['256-734-4688 x0'])).toEqual({ number: '2567344688', extension: null, tail: null });
    expect(await one(`phone_read(?)`, ['617-555-0123 or 617-555-0124'])).toEqual({ number: '6175550123', extension: null, tail: 'or 617-555-0124' });
    expect(await one(`phone_read(?)`, ['6175550123456'])).toEqual({ number: '6175550123', extension: null, tail: '456' });
    expect(await one(`phone_read(?)`, ['617-555-0123 )'])).toEqual({ number: '6175550123', extension: null, tail: null });
    expect(await one(`phone_read(?)`, ['555-0123'])).toBeNull();
  });

  it('normalizes a list of phones, leaving out unusable ones and repeats', async () => {
    expect(await one(`norm_phones(?::JSON)`, ['["888-727-6398", "888-PARNEXT", "closed", "617-555-0123 x2"]']))
      .toEqual(['(888) 727-6398', '(617) 555-0123 ext. 2']);
    expect(await one(`norm_phones(?::JSON)`, ['["closed"]'])).toBeNull();
    expect(await one(`norm_phones(NULL)`)).toBeNull();
  });

  it.each([
    ['https://x.example.org', 'https://x.example.org'],
    ['HTTP://x.example.org/a?b=1', 'http://x.example.org/a?b=1'],
    ['www.x.example.org', 'https://www.x.example.org'],
    ['x.example.org/path', 'https://x.example.org/path'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(document.cookie)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['ftp://files.example.org', null],
    ['https://x.example.org/"><script>alert(1)</script>', null],
    ['https://x.example.org/ spaces', null],
    ['not a website', null],
  ])('website %s → %s', async (input, expected) => {
    expect(await one(`norm_website(?)`, [input])).toBe(expected);
  });

  it('keeps only well-formed emails, lower-cased', async () => {
    expect(await one(`norm_email(?)`, [' INFO@Example.org '])).toBe('info@example.org');
    expect(await one(`norm_email(?)`, ['info at example.org'])).toBeNull();
  });
});

describe('addresses', () => {
  it('normalizes ZIP and ZIP+4, restoring lost leading zeros', async () => {
    expect(await one(`[norm_zip(?), zip_plus4(?)]`, ['02139-4307', '02139-4307'])).toEqual(['02139', '4307']);
    expect(await one(`norm_zip(?)`, ['2139'])).toBe('02139');
    expect(await one(`norm_zip(?)`, ['ABCDE'])).toBeNull();
  });

  it.each([
    ['40 Oak Avenue, Cambridge, MA 02139', { street: '40 Oak Avenue', city: 'Cambridge', state: 'MA', zip: '02139' }],
    ['Cambridge, MA 02139-4307', { street: '', city: 'Cambridge', state: 'MA', zip: '02139-4307' }],
    ['40 Oak Ave, Cambridge, MA', { street: '40 Oak Ave', city: 'Cambridge', state: 'MA', zip: '' }],
    ['1 Main St, Suite 4, Boston, Massachusetts 02110', { street: '1 Main St, Suite 4', city: 'Boston', state: 'Massachusetts', zip: '02110' }],
  ])('parses "%s"', async (input, expected) => {
    expect(await one(`parse_address(?)`, [input])).toEqual(expected);
  });

  it('makes matching keys for the same place written differently', async () => {
    expect(await one(`street_key(?) = street_key(?)`, ['40 North Oak Avenue', '40 N. Oak Ave'])).toBe(true);
    expect(await one(`name_key(?) = name_key(?)`, ['The Harbor Light, Inc.', 'HARBOR LIGHT'])).toBe(true);
    expect(await one(`name_key(?) = name_key(?)`, ['Harbor Light', 'Harbor Lights'])).toBe(false);
    expect(await one(`suite_key(?) = suite_key(?)`, ['Suite 210', 'STE. 210'])).toBe(true);
    expect(await one(`suite_key(?) = suite_key(?)`, ['Suite 210', 'Suite 200'])).toBe(false);
  });
});

describe('numbers and dates', () => {
  it('reads whole numbers and nothing else', async () => {
    expect(await one(`[parse_int(?), parse_int(?), parse_int(?), parse_int(?)]`, ['12', ' 12.0 ', 'twelve', '42,3588'])).toEqual([12, 12, null, null]);
  });

  it.each([['Level II', 2], ['level iv', 4], ['3', 3], ['Level V', null], ['', null]])('reads NARR level "%s" as %s', async (input, expected) => {
    expect(await one(`narr_level(?)`, [input])).toBe(expected);
  });

  it.each([['8 beds', 8], ['5,000+', 5000], ['about 1200', 1200], ['up to 12', 12], ['', null], ['none', null]])(
    'counts "%s" as %s', async (input, expected) => {
      expect(await one(`parse_count(?)`, [input])).toBe(expected);
    });

  it('reads ISO 8601 and US dates, and nothing else', async () => {
    const iso = await one(`[parse_date(?), parse_date(?), parse_date(?)]::VARCHAR[]`, ['2024-03-05', '03/05/2024', '2024-03-05T10:00:00Z']);
    expect(iso).toEqual(['2024-03-05', '2024-03-05', '2024-03-05']);
    expect(await one(`parse_date(?)`, ['yesterday'])).toBeNull();
    expect(await one(`parse_date(?)`, ['13/45/2024'])).toBeNull();
  });
});

describe('geography', () => {
  it('encodes geohashes exactly as an independent implementation (ngeohash) does', async () => {
    const points = [
      [0, 0], [45, 90], [-90, -180], [90, 180], [42.3601, -71.0589], [13.4443, 144.7937],
      ...Array.from({ length: 500 }, (_, i) => [Math.sin(i * 12.9898) * 89.999, Math.cos(i * 78.233) * 179.999]),
    ];
    const ours = await rows<{ h: string }>(db,
      `SELECT geohash(p[1], p[2]) AS h FROM (SELECT unnest(CAST(?::JSON AS DOUBLE[][])) AS p, unnest(range(?::INTEGER)) AS i) ORDER BY i`,
      [JSON.stringify(points), points.length]);
    expect(ours.map((r) => r.h)).toEqual(points.map(([lat, lon]) => ngeohash.encode(lat, lon, 12)));
  });

  it('measures great-circle miles', async () => {
    const boston_nyc = (await one(`haversine_miles(42.3601, -71.0589, 40.7128, -74.0060)`)) as number;
    expect(boston_nyc).toBeGreaterThan(189);
    expect(boston_nyc).toBeLessThan(191);
  });

  it('knows which coordinates can be in the US, Guam, Palau and Micronesia included, Tokyo not', async () => {
    expect(await one(`[in_us(42.36, -71.06), in_us(13.44, 144.79), in_us(7.34, 134.48), in_us(6.92, 158.16),
      in_us(-71.06, 42.36), in_us(0, 0), in_us(35.68, 139.69)]`))
      .toEqual([true, true, true, true, false, false, false]);
  });
});
