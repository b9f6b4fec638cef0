// Search state → SQL with bound parameters, for every panel: results, count, facets, map,
// location lookup, detail. Views run these through the engine; none writes SQL of its own.
import { statesNear } from '../release/geo.ts';
import type { Manifest } from '../release/manifest.ts';
import { milesSql as distance, nearReadSql, withinSql as within } from '../release/near-read.ts';
import { keyRelation, orCopy, relation } from '../release/relation.ts';
import { ofOrganization, ORG_KEY, orgKey } from '../release/org-key.ts';
import { CODE_SEPARATOR, FIRST_PAGE_ROWS, LINK_NAMES, MENTAL_HEALTH_MARK, NAME_ORDER, OPENING_COLUMNS } from '../release/tables.ts';
import { tableReadSql } from '../release/table-read.ts';
import { quoteIdent } from '../release/sql-text.ts';
import { FILTER_GROUP_BY_ID, FILTER_GROUPS, type FilterGroup } from './filters.ts';
import { readText } from './keywords.ts';
import { stateTyped } from './place-in-text.ts';
import { and, join, or, raw, sql, type Sql } from '../release/sql.ts';
import { hasText, matchesText, textRank } from './text-match.ts';
import { SEARCH_ROWS, searchRows, SHOWN } from './search-rows.ts';
import { ORG_TYPES, RADII, type OrgType, type Place, type Radius, type SearchState, type SortKey } from './state.ts';

/** A search with its location resolved (from the gazetteer or the browser). */
export interface ResolvedSearch {
  state: SearchState;
  near: Place | null;
  /**
   * The only states that can hold results (release/geo.ts), so the engine reads only their
   * partitions (release/relation.ts); absent means every organization.
   */
  states?: readonly string[];
  /** A whole state or territory searched (its postal code), with no place in it: its rows, every one. */
  inState?: string;
}

/** The types a search can return: the chosen ones, narrowed by any type-specific filter. */
export function effectiveTypes(s: SearchState, exceptGroup?: string): OrgType[] {
  const implied = new Set(Object.entries(s.filters)
    .filter(([id, values]) => id !== exceptGroup && values.length)
    .map(([id]) => FILTER_GROUP_BY_ID.get(id)!.appliesTo));
  const chosen = s.types.length ? s.types : [...ORG_TYPES];
  return implied.size ? chosen.filter((t) => implied.has(t)) : chosen;
}

function groupPredicate(group: FilterGroup, values: string[]): Sql {
  return or(group.options.filter((o) => values.includes(o.value)).map((o) => o.where));
}

/**
 * Facilities that treat mental health only (SAMHSA's facility_type 'MH') are left out unless
 * asked for, as FindTreatment.gov does: a person looking for addiction care is not sent there.
 */
export const MENTAL_HEALTH_ONLY = 'mh';
const NOT_MENTAL_HEALTH_ONLY = raw(`NOT o.${MENTAL_HEALTH_MARK}`);

/** Where: within the radius of the place, or in the state searched. */
function location({ state, near, inState }: ResolvedSearch): Sql[] {
  if (near) return [within(near, state.radius)];
  // Its file holds only its rows; the engine's copy of the search rows holds every state read so far.
  return inState ? [sql`o.state = ${inState}`] : [];
}

/** Location and text: what every panel shares. */
function scope(search: ResolvedSearch): Sql[] {
  const { state, states } = search;
  return [...location(search), ...(hasText(state.text) ? [matchesText(state.text, states ?? null)] : [])];
}

/** Types and filters, leaving out one group when counting that group's own options. */
function choices(state: SearchState, exceptGroup?: string): Sql[] {
  const parts: Sql[] = [];
  if (!state.mentalHealthOnly && exceptGroup !== MENTAL_HEALTH_ONLY) parts.push(NOT_MENTAL_HEALTH_ONLY);
  const types = effectiveTypes(state, exceptGroup);
  if (types.length < ORG_TYPES.length) parts.push(types.length ? sql`o.org_type IN (${join(types.map((t) => sql`${t}`), ', ')})` : raw('FALSE'));
  for (const group of FILTER_GROUPS) {
    const values = state.filters[group.id];
    if (group.id !== exceptGroup && values?.length) parts.push(groupPredicate(group, values));
  }
  return parts;
}

/**
 * Does the search read its rows' filter columns (release/tables.ts FILTER_COLUMNS): a filter, or
 * a keyword standing for one. They are the organizations' own columns, as the mental-health-only
 * mark is; a search with neither leaves them unread.
 */
function readsTypes({ state }: ResolvedSearch): boolean {
  return Object.keys(state.filters).length > 0 || readText(state.text).keywords.some(({ keyword }) => keyword.filter);
}

/**
 * The searched words (search-rows.ts `words`) of the rows the search's place and choices admit,
 * whatever its text: what a word no listing holds is mended from (spelling.ts), so each word
 * offered finds something there by itself.
 */
export function wordsInReach(search: ResolvedSearch): Sql {
  return sql`SELECT o.words FROM ${searchRows(search.states ?? null, { words: true, types: readsTypes(search) })}
    WHERE ${and([...location(search), ...choices(search.state)])}`;
}

/** The search's rows (search-rows.ts), with the columns it reads. */
function from(search: ResolvedSearch, types = readsTypes(search)): Sql {
  return searchRows(search.states ?? null, { words: hasText(search.state.text), types });
}

/** The list's rows are read this many at a time (views/table/use-paged-rows.ts, shell/first-results.ts). */
export const PAGE_SIZE = 100;

interface Page { limit?: number; offset?: number; sort?: SortKey; desc?: boolean }

/**
 * The national list as it first shows: no place, text, type or filter, by name. Its first rows
 * and its length are in the release (`first_pages`, written by the build from the same tables),
 * so the page shows them without reading every organization's name (28 MB at ×10).
 */
function isNationalList({ state, near, states }: ResolvedSearch): boolean {
  return !near && !states && !hasText(state.text) && !state.types.length
    && !Object.values(state.filters).some((values) => values.length);
}

/**
 * Nearest first near a place with nothing else chosen but the mental-health-only rule (a ZIP
 * typed on a phone): a read the page can do without the engine (release/near-read.ts).
 */
function nearPage({ state, near, states }: ResolvedSearch, page: Page): boolean {
  return !!near && !!states && !hasText(state.text) && !state.types.length
    && !Object.values(state.filters).some((values) => values.length)
    && !page.desc && ['relevance', 'distance'].includes(page.sort ?? 'relevance') && page.limit !== undefined;
}

function firstPage(search: ResolvedSearch, page: Page): boolean {
  const offset = page.offset ?? 0;
  return isNationalList(search) && !page.desc && ['relevance', 'name', 'distance'].includes(page.sort ?? 'relevance')
    && page.limit !== undefined && offset + page.limit <= FIRST_PAGE_ROWS;
}

function orderBy(search: ResolvedSearch, page: Page, dist: Sql): Sql {
  const { state, near } = search;
  const dir = raw(page.desc ? 'DESC' : 'ASC');
  // Sources write some names in capitals: order without regard to case.
  const byName = raw('lower(o.name), o.org_id');
  return {
    relevance: near ? sql`${dist} ${dir}, ${byName}`
      // The release's place by name is that order as a number, which duckdb-wasm sorts in a fraction of the time (views.sql).
      : hasText(state.text) ? sql`${textRank(state.text)} ${dir}, ${raw(`o.${NAME_ORDER}`)}` : sql`lower(o.name) ${dir}, o.org_id`,
    distance: near ? sql`${dist} ${dir}, o.org_id` : sql`lower(o.name) ${dir}, o.org_id`,
    // A provider's programs share its name (SAMHSA's directory near 02139: "Victory Programs Inc" six
    // times): nearest first among them, whichever way the names run.
    name: near ? sql`lower(o.name) ${dir}, ${dist}, o.org_id` : sql`lower(o.name) ${dir}, o.org_id`,
    city: sql`o.state ${dir}, lower(o.city) ${dir}, ${byName}`,
    type: sql`o.org_type ${dir}, ${byName}`,
  }[page.sort ?? 'relevance'];
}

/**
 * A search near a place or with words carries its count on its pages, counted before the page is
 * cut: its count is its first page in the search's own order, the table's first page unless
 * another order was chosen, one statement the page's cache answers once (db/query-cache.ts). Asked
 * apart, the count read every row's words and service marks again (scripts/bench/HISTORY.md, "A
 * text search's count on its first page"), or the radius's rows again; and a ZIP link's first
 * page, read while the engine starts (near-read.ts), now brings its count with it. The national
 * list's first page carries the count the release stores beside it (first_pages.total), so it
 * too is counted before the engine starts (db/early-reads.ts); past that page it is not counted
 * by its pages, which would hold every organization to count them.
 */
const TOTAL = raw(', count(*) OVER ()::INTEGER AS total');

/** A page of results in the table's order; without `limit`, all of them. */
export function resultsQuery(search: ResolvedSearch, page: Page): Sql {
  if (firstPage(search, page)) {
    // A read the page can also do without the engine, while it starts (release/table-read.ts).
    return tableReadSql({
      table: 'first_pages',
      columns: { ...Object.fromEntries(SHOWN.map((c) => [c, c])), distance_miles: null, total: 'total' },
      equals: { includes_mental_health_only: search.state.mentalHealthOnly },
      orderBy: 'position',
      limit: page.limit!,
      offset: page.offset ?? 0,
    });
  }
  if (nearPage(search, page)) {
    // The same rows and order as the query below (the join of the other type tables adds nothing
    // here), from the search rows once the engine holds them.
    const { lat, lon } = search.near!;
    return nearReadSql({
      table: 'organizations',
      states: search.states!,
      columns: SHOWN,
      near: { lat, lon },
      miles: search.state.radius,
      without: search.state.mentalHealthOnly ? undefined : MENTAL_HEALTH_MARK,
      byName: (page.sort ?? 'relevance') === 'relevance',
      limit: page.limit!,
      offset: page.offset ?? 0,
      copy: SEARCH_ROWS,
    });
  }
  const dist = search.near ? distance(search.near) : raw('NULL');
  return sql`SELECT ${raw(SHOWN.map((c) => `o.${c}`).join(', '))}, ${dist} AS distance_miles${countedByPage(search) ? TOTAL : raw('')}
    FROM ${from(search)}
    WHERE ${and([...scope(search), ...choices(search.state)])}
    ORDER BY ${orderBy(search, page, raw('distance_miles'))}${page.limit === undefined ? raw('') : sql`
    LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`}`;
}

/** A category of services (service_codes), a column of its own in a download. */
export interface ServiceCategory { code: string; name: string }

/** The release's categories of services in its order, from serviceCodesQuery's rows. */
export function categoriesOf(codes: readonly { category_code: string; category_name: string }[]): ServiceCategory[] {
  const seen = new Map<string, string>();
  for (const c of codes) if (!seen.has(c.category_code)) seen.set(c.category_code, c.category_name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/**
 * Every result in the table's order, for a download: the list's columns (the program's name with
 * its provider's: "Volunteers of America" is many sites), what a spreadsheet reader wants beside
 * them (the website, intake numbers), distances to a tenth of a mile, ordered by the exact
 * distance so the rows stay in the order on screen, and the services by name, a column for each
 * of `categories` as the details group them: one column of every service mixed payment, genders
 * and smoking policy into 60 names a cell (SAMHSA's directory; a person test), where an analyst
 * filters "Payment/Insurance/Funding Accepted" for Medicaid. The results are found once, and only
 * their services gathered.
 */
export function exportQuery(search: ResolvedSearch, page: Pick<Page, 'sort' | 'desc'>, categories: readonly ServiceCategory[], markGenerated = false): Sql {
  const dist = search.near ? distance(search.near) : raw('NULL');
  // From a release holding generated listings, each row says first whether it is one: a file leaves
  // the page and its notice behind, and its fake listings read as real ones (markGenerated).
  const generated = markGenerated ? raw('w.generated AS generated_sample, ') : raw('');
  const columns = categories.map((c, i) => ({ ...c, as: raw(quoteIdent(`c${i}`)), header: raw(quoteIdent(c.name)) }));
  const gathered = columns.length ? sql`
    LEFT JOIN (SELECT org_id, ${join(columns.map((c) => sql`any_value(names) FILTER (WHERE category_code = ${c.code}) AS ${c.as}`), ', ')}
      -- Each category's names gathered first: the columns then pick from a row per category, not per service.
      FROM (SELECT s.org_id, c.category_code, string_agg(c.name, '; ' ORDER BY c.name) AS names
        FROM organization_services s JOIN service_codes c ON c.code = s.code
        WHERE s.org_id IN (SELECT org_id FROM found) GROUP BY s.org_id, c.category_code)
      GROUP BY org_id) offered ON offered.org_id = o.org_id` : raw('');
  // A search's rows hold what the list shows (search-rows.ts): the rest of a row is the
  // organization's own (website, suite, level of care) and its state's file's (county: a county
  // analyst found none in a state's CSV, a walkthrough).
  return sql`WITH found AS MATERIALIZED (SELECT o.*, ${dist} AS exact_distance FROM ${from(search)}
      WHERE ${and([...scope(search), ...choices(search.state)])})
    SELECT ${generated}o.org_id, o.name, o.program_name, o.org_type, w.level_of_care, o.address_line1, w.address_line2, o.city,
      placed.county, placed.county_source, o.state, o.zip, o.phone,
      -- The numbers the details list beside the phone (a person test missed them in a CSV).
      (SELECT array_to_string(t.intake_phones, '; ') FROM treatment_centers t WHERE t.org_id = o.org_id) AS intake_phones,
      w.website, round(o.exact_distance, 1) AS distance_miles,
      ${join([...columns.map((c) => sql`offered.${c.as} AS ${c.header}`),
        // To a tenth of a metre: a ZIP's centroid, stored as a float, read "40.810298919677734" in a CSV.
        raw('round(o.latitude, 6) AS latitude, round(o.longitude, 6) AS longitude, o.geo_precision')], ', ')}
    FROM found o LEFT JOIN organizations_by_id w ON w.org_id = o.org_id
      LEFT JOIN ${relation('organizations', search.states ?? null)} placed ON placed.org_id = o.org_id${gathered}
    ORDER BY ${orderBy(search, page, raw('o.exact_distance'))}`;
}

const countedByPage = (search: ResolvedSearch) => hasText(search.state.text) || !!search.near;

/**
 * The number of results, read from its rows by countOf: near a place, with words or the national
 * list, its first page, with `total`.
 */
export function countQuery(search: ResolvedSearch): Sql {
  if (countedByPage(search) || isNationalList(search)) return resultsQuery(search, { limit: PAGE_SIZE, offset: 0 });
  return sql`SELECT count(*)::INTEGER AS n FROM ${from(search)}
    WHERE ${and([...scope(search), ...choices(search.state)])}`;
}

/** countQuery's count: its `n`, or a first page's `total` (no rows: none). */
export const countOf = (rows: readonly Record<string, unknown>[]): number => Number(rows[0]?.n ?? rows[0]?.total ?? 0);

/**
 * How many match within `reach` miles (the states that far, and the box that holds the circle,
 * which skips their other row groups), or the whole country over when `reach` is null, and how far
 * the nearest is. When the radius holds nothing, asked reach by reach (nearestReaches), the first
 * that finds one has found the nearest: asked of every state's files at once it read 2.4 MB at ×1
 * for a link to 99723 at 5 miles, on a connection where the page makes no copies (db/metered.ts).
 * When it holds a few, the next reaches are asked whether they hold more (widerReaches).
 */
export function nearestQuery(search: ResolvedSearch, manifest: Manifest, reach: Radius | null): Sql | null {
  const { state, near } = search;
  if (!near) return null;
  const within: ResolvedSearch = reach === null ? { state, near: null }
    : { state: { ...state, radius: reach }, near, states: statesNear(manifest, near.lat, near.lon, reach) };
  return sql`SELECT ${reach}::INTEGER AS reach, count(*)::INTEGER AS found, min(${distance(near)}) AS miles FROM ${from(within)}
    WHERE o.latitude IS NOT NULL AND ${and([...scope(within), ...choices(state)])}`;
}

/**
 * How many a search near a place finds within its radius with each of `texts` for its words
 * (keywords.ts withoutEachTerm): rows of `i`, the text's place in `texts`, and `found`. Null
 * away from a place or with no texts.
 */
export function otherWordsQuery(search: ResolvedSearch, manifest: Manifest, texts: readonly string[]): Sql | null {
  if (!search.near || !texts.length) return null;
  return join(texts.map((text, i) => sql`SELECT ${i}::INTEGER AS i, found
    FROM (${nearestQuery({ ...search, state: { ...search.state, text } }, manifest, search.state.radius)!})`), ' UNION ALL ');
}

/** The reaches nearestQuery is asked at, in order: each radius the page offers beyond the search's, then everywhere. */
export const nearestReaches = (radius: Radius): (Radius | null)[] => [...RADII.filter((r) => r > radius), null];

/**
 * The reaches asked whether they hold more than a radius's few results: the next two radii, not
 * the country (a handful within 25 miles is help nearby; 500 miles away is not more of it).
 */
export const widerReaches = (radius: Radius): Radius[] => RADII.filter((r) => r > radius).slice(0, 2);

/** Every result's position and type, for the map. */
export function pointsQuery(search: ResolvedSearch): Sql {
  return sql`SELECT o.org_id, o.org_type, o.name, o.latitude, o.longitude FROM ${from(search)}
    WHERE o.latitude IS NOT NULL AND ${and([...scope(search), ...choices(search.state)])}`;
}

export const facetKey = (group: string, value: string) => `${group}:${value}`;

/**
 * One row with a count beside every filter choice: how many results that choice would give
 * with everything else as it is (a group's own choices are left out of its counts). `count_if`,
 * not `count(*) FILTER`: duckdb-wasm ran the 31 filtered counts at ×10 in 20–31 ms of CPU, the
 * 31 `count_if` in 14–15 (50 mi around 10001, least of 9). `count_if` of no rows, or of rows
 * whose predicate is NULL (a treatment center's option among residences), is NULL: 0 is the count.
 */
export function facetsQuery(search: ResolvedSearch): Sql {
  const { state } = search;
  const counts: Sql[] = ORG_TYPES.map((t) =>
    sql`coalesce(count_if(o.org_type = ${t} AND ${and(choices({ ...state, types: [] }))}), 0)::INTEGER AS ${raw(`"${facetKey('type', t)}"`)}`);
  for (const group of FILTER_GROUPS) {
    for (const option of group.options) {
      counts.push(sql`coalesce(count_if(${option.where} AND ${and(choices(state, group.id))}), 0)::INTEGER
        AS ${raw(`"${facetKey(group.id, option.value)}"`)}`);
    }
  }
  counts.push(sql`coalesce(count_if(o.${raw(MENTAL_HEALTH_MARK)} AND ${and(choices(state, MENTAL_HEALTH_ONLY))}), 0)::INTEGER
    AS ${raw(`"${facetKey(MENTAL_HEALTH_ONLY, 'include')}"`)}`);
  return sql`SELECT ${join(counts, ',\n  ')} FROM ${from(search, true)} WHERE ${and(scope(search))}`;
}

/**
 * A place name reduced to what spellings of it share: no accents, case, punctuation or spaces,
 * "St."/"Mt."/"Ft." as "Saint"/"Mount"/"Fort" (the gazetteer writes "Saint Louis"). One SQL
 * expression, applied to the gazetteer's names and to what was typed alike.
 */
export function placeKey(value: Sql): Sql {
  return sql`regexp_replace(regexp_replace(regexp_replace(regexp_replace(lower(strip_accents(${value})),
    '\\bst\\b\\.?', 'saint', 'g'), '\\bmt\\b\\.?', 'mount', 'g'), '\\bft\\b\\.?', 'fort', 'g'), '[^a-z0-9]', '', 'g')`;
}

/** Typos forgiven: none in a name of up to 4 letters, one up to 7, two beyond ("Cambrige"). */
function typosAllowed(key: Sql): Sql {
  return sql`CASE WHEN length(${key}) <= 4 THEN 0 WHEN length(${key}) <= 7 THEN 1 ELSE 2 END`;
}

/** The ways to read what was typed: "City, ST" or "City ST" (a state named last), or a city alone. */
function readings(text: string, localNames: readonly string[]): { city: string; state: string | null }[] {
  // A state by its code, whatever name it was typed by ("El Paso, Tejas", "Buffalo, Nueva York").
  const state = (typed: string) => stateTyped(typed, localNames)?.code ?? typed;
  const comma = /^(.+?),\s*([^,]+)$/.exec(text);
  if (comma) return [{ city: comma[1].trim(), state: state(comma[2].trim()) }];
  // Any last words may name the state ("Kansas City" names none): every split, and the whole.
  const words = text.split(/\s+/);
  return [...words.slice(1).map((_, i) => ({ city: words.slice(0, i + 1).join(' '), state: state(words.slice(i + 1).join(' ')) })),
    { city: text, state: null }];
}

/**
 * A ZIP, or a city from the gazetteer, forgiving "St."/"Saint", a missing state and small typos
 * (Levenshtein distance on the place key). Rows best first: fewest typos, a named state, then the
 * city with the most ZIP codes (the gazetteer has no population; "Boston" is Boston, MA). `typos`
 * 0 and one row means sure; otherwise the next rows are the "did you mean" choices.
 */
export function locationQuery(where: string): Sql | null {
  const text = where.trim();
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(text);
  if (zip) {
    // A read the page can do without the engine (release/table-read.ts): the gazetteer's row, labelled by placeOf.
    return tableReadSql({
      table: 'gazetteer',
      columns: { zip: 'key', city: 'city', state: 'state', latitude: 'latitude', longitude: 'longitude' },
      equals: { kind: 'zip', key: zip[1] },
      orderBy: null,
      limit: 1,
      offset: 0,
    });
  }
  return cityQuery([text], false, []);
}

/**
 * The lookups of a typed place, to ask one after another until one finds a row (shell/
 * use-resolved-search.ts): a ZIP's one; for a city, first its exact matches, then locationQuery.
 * The exact matches lie among the keys of their first letter (a city's key begins with its place
 * key's first letter: queries.test.ts checks every city's), so a city spelled right reads that
 * letter's row groups of the gazetteer ("Billings, MT": 360 KB), not every city's (680 KB), as
 * the typos forgiven must.
 */
export function placeLookups(where: string, localNames: readonly string[] = []): Sql[] {
  const text = where.trim();
  // The place a name means first, then the name itself: its other towns are the offers beside.
  const texts = [PLACE_NAMES.get(text.toLowerCase().replace(/\s+/g, ' ')), text].filter((t) => t !== undefined);
  const exact = cityQuery(texts, true, localNames);
  if (exact) return [exact, cityQuery(texts, false, localNames)!];
  const zip = locationQuery(text);
  return zip ? [zip] : [];
}

/**
 * What people call a place first that the Postal Service's city names (the gazetteer's) do not
 * put first: "NYC" and "New York City" were "not a city we know" in a person test, where the map
 * names it so; "Manhattan" was Manhattan, KS (4 ZIP codes to the 1 the gazetteer names Manhattan,
 * NY), which is now offered beside it.
 */
const PLACE_NAMES = new Map([['nyc', 'New York, NY'], ['new york city', 'New York, NY'], ['nyc, ny', 'New York, NY'],
  ['new york city, ny', 'New York, NY'], ['manhattan', 'Manhattan, NY'],
  // Spanish names of cities ("Nueva Orleans" was not a city we know, a person test in Spanish).
  ['nueva york, ny', 'New York, NY'], ['ciudad de nueva york', 'New York, NY'], ['nueva orleans', 'New Orleans, LA'],
  ['nueva orleans, la', 'New Orleans, LA'], ['filadelfia', 'Philadelphia, PA'], ['filadelfia, pa', 'Philadelphia, PA']]);

/**
 * The gazetteer rows whose keys begin with the first letter of one of `typed`'s place keys: a
 * range of keys DuckDB folds to constants before the scan reads its bounds, so the scan skips the
 * row groups outside it (the plan tests).
 */
function firstLetters(typed: Sql[]): Sql {
  return sql`g.key >= least(${join(typed.map((t) => sql`left(${placeKey(t)}, 1)`), ', ')})
    AND g.key < greatest(${join(typed.map((t) => sql`chr(ascii(left(${placeKey(t)}, 1)) + 1)`), ', ')})`;
}

/** The cities `texts` name, rows of the first text's readings before the next's; `localNames`, the states' names in the page's language. */
function cityQuery(texts: string[], exact: boolean, localNames: readonly string[]): Sql | null {
  if (!texts.some((text) => /[A-Za-z\u00C0-\u024F]/.test(text))) return null;
  const typed = texts.flatMap((text) => readings(text, localNames));
  const rows = join(typed.map((r, i) => sql`(${i}, ${r.city}, ${r.state}::VARCHAR)`), ', ');
  const letters = exact ? [firstLetters(typed.map((r) => sql`${r.city}`))] : [];
  return sql`WITH typed(reading, city, state) AS (VALUES ${rows}),
    readings AS (SELECT reading, ${placeKey(raw('city'))} AS key, lower(state) AS state FROM typed),
    candidates AS (
      SELECT g.city, g.state, g.latitude, g.longitude, r.reading, r.key,
        damerau_levenshtein(${placeKey(raw('g.city'))}, r.key) AS typos, g.zip_count AS zips
      FROM gazetteer g JOIN states s ON s.code = g.state
      CROSS JOIN readings r
      WHERE ${and([sql`g.kind = 'city'`, ...letters, sql`(r.state IS NULL OR lower(s.code) = r.state OR lower(s.name) = r.state)`])})
    SELECT city || ', ' || state AS label, latitude, longitude, min(typos)::INTEGER AS typos, max(zips)::INTEGER AS zips
    FROM candidates WHERE typos ${exact ? raw('= 0') : sql`<= ${typosAllowed(raw('key'))}`}
    GROUP BY ALL ORDER BY typos, min(reading), max(zips) DESC, label LIMIT 6`;
}

/** `zips`: of a city, how many ZIP codes name it (its size, roughly). */
export interface PlaceRow { label: string; latitude: number; longitude: number; typos: number; zips?: number }

/** A row of locationQuery as a place: a ZIP's is the gazetteer's own, "City, ST 02139" when it has a city. */
export function placeOf(row: Record<string, unknown>): PlaceRow {
  if (!('zip' in row)) return row as unknown as PlaceRow;
  const { zip, city, state, latitude, longitude } = row as { zip: string; city: string | null; state: string | null; latitude: number; longitude: number };
  return { label: city != null && state != null ? `${city}, ${state} ${zip}` : zip, latitude, longitude, typos: 0 };
}

/** The search around a place found (or the browser's position), with the states within reach; without one, everywhere. */
export function resolveSearch(state: SearchState, near: Place | null, manifest: Pick<Manifest, 'state_extents'>, inState: string | null = null): ResolvedSearch {
  if (near) return { state, near, states: statesNear(manifest, near.lat, near.lon, state.radius) };
  return inState ? { state, near: null, states: [inState], inState } : { state, near: null };
}

/** A place row as the point a search is around. */
export const pointOf = (place: PlaceRow): Place => ({ label: place.label, lat: place.latitude, lon: place.longitude });

/** Places starting with what is being typed, for the place box's suggestions (a ZIP's label: its city). */
export function placeSuggestionsQuery(prefix: string): Sql | null {
  const text = prefix.trim();
  if (text.length < 2) return null;
  if (/^\d+$/.test(text)) {
    // The ZIPs a prefix can begin, as a range of keys: the gazetteer's row groups are in key order
    // and their statistics skip all but the range's (`starts_with` skipped none: typing a ZIP read
    // the whole 1 MB file).
    return sql`SELECT key AS value, coalesce(city || ', ' || state, '') AS label FROM gazetteer
      WHERE kind = 'zip' AND key BETWEEN ${text.padEnd(5, '0')} AND ${text.padEnd(5, '9')}
        AND starts_with(key, ${text}) ORDER BY key LIMIT 8`;
  }
  // A city's key begins with its place key's first letter (queries.test.ts checks every city's), so
  // the city rows are read only in that letter's range of keys: all 1 MB of the gazetteer was read
  // before, for every letter typed.
  const city = text.replace(/,.*$/, '');
  if (!/[\p{L}\p{N}]/u.test(city)) return null;
  const typed = placeKey(sql`${city}`);
  return sql`SELECT g.city || ', ' || g.state AS value, '' AS label FROM gazetteer g
    WHERE g.kind = 'city' AND ${firstLetters([sql`${city}`])}
      AND starts_with(${placeKey(raw('g.city'))}, ${typed})
      AND (${!text.includes(',')} OR starts_with(lower(g.city || ', ' || g.state), lower(${text})))
    ORDER BY g.zip_count DESC, g.city, g.state LIMIT 8`;
}

/**
 * What the detail panel shows of an organization, and what the map needs of it: organizations_by_id
 * but its mental-health-only mark, its key and the opening's columns (release/tables.ts, which
 * leaves out the geohash, county, ZIP+4 and provenance that cost ~1 ms more CPU per opening).
 */
export const DETAIL_COLUMNS = ['org_id', 'org_type', 'name', 'program_name', 'other_names', 'address_line1', 'address_line2',
  'city', 'state', 'zip', 'latitude', 'longitude', 'geo_precision', 'location_source', 'phone', 'website', 'email',
  'last_updated', 'generated'];

/**
 * An organization's row with its type's fields (type_detail, read by typeDetailOf) and its
 * service codes (release/tables.ts): one scan of one row group for the whole panel, where its
 * row, its type's row and its services were three (open-profile.ts).
 */
export function organizationQuery(orgId: string): Sql {
  return sql`SELECT ${raw([...DETAIL_COLUMNS, ...OPENING_COLUMNS].map((c) => `o.${c}`).join(', '))}
    FROM ${keyRelation('organizations_by_id', orgId)} o WHERE ${ofOrganization('o', orgId)}`;
}

/**
 * Every service code with its name and category, in the order the detail panel and the
 * dashboards list them. One constant query for the page: the cache answers it after the first
 * opening, so an organization's services are named without a query of their own.
 */
export function serviceCodesQuery(): Sql {
  return sql`SELECT code, name, category_code, category_name FROM service_codes ORDER BY category_order, name`;
}

/** An organization's services: the rows of serviceCodesQuery whose codes its row of organizationQuery lists. */
export function offeredServices<S extends { code: string }>(codes: readonly S[], org: Record<string, unknown>): S[] {
  const offered = new Set(typeof org.offered_codes === 'string' ? org.offered_codes.split(CODE_SEPARATOR) : []);
  return codes.filter((c) => offered.has(c.code));
}

/**
 * An organization's links to its nearby supports, strongest first, each with the name and place
 * of the organization it names (release/tables.ts LINKS): the panel's nearby supports in one scan.
 */
export function networkQuery(orgId: string): Sql {
  return sql`SELECT r.related_org_id, r.relationship, r.related_type, r.distance_miles, r.travel_minutes, r.strength,
      ${raw(LINK_NAMES.map((c) => `r.related_${c} AS ${c}`).join(', '))}
    FROM ${keyRelation('network_relationships', orgId)} r WHERE ${ofOrganization('r', orgId)} ORDER BY r.strength DESC, r.distance_miles`;
}

/**
 * Where each organization is, for the map's lines to an organization's nearby supports, and its
 * program and street, which tell a chain's sites apart in the list (1,918 names repeat in SAMHSA's
 * 2022 release: a Fall River center's three nearby supports all read "Steppingstone Inc"); one
 * point lookup each, among the search rows of its state (its link names it): in the copy the
 * engine keeps in memory once it holds that state (search-rows.ts; indexed on org_id once whole:
 * DuckDB 0.9.1 uses an index for `column = constant`, not for a join or an IN list), and until
 * then in its state's file of organizations, which the search that found the organization has
 * mostly read already. Looked up by key in organizations_by_id, a 2k-row group each, opening
 * an organization after a search of 02139 read 1,464 KB of that table, now 403 KB (its own row;
 * ×1). One without a state is looked up by key. Null for none.
 */
export function positionsQuery(supports: readonly { orgId: string; state: string | null }[]): Sql | null {
  if (!supports.length) return null;
  const columns = raw('org_id, latitude, longitude, program_name, address_line1');
  const lookups = join(supports.map(({ orgId, state }) => {
    // Read without the copy, a relation takes no values: the key (a number) is written in, the id stays bound outside.
    const files = state ? sql`SELECT ${columns} FROM ${relation('organizations', [state])} o`
      : sql`SELECT ${columns} FROM ${keyRelation('organizations_by_id', orgId)} b WHERE ${raw(`b.${ORG_KEY} = ${orgKey(orgId)}`)}`;
    return sql`SELECT ${columns} FROM ${orCopy(SEARCH_ROWS, files)} WHERE org_id = ${orgId}`;
  }), ' UNION ALL ');
  return sql`${lookups} ORDER BY org_id`;
}

/** Each link with its organization's row (org_id beside related_org_id); one whose organization is missing is left out, as a join would. */
export function withRelated<L extends { related_org_id: string }, R extends { org_id: string }>(links: L[], related: R[]): (L & R)[] {
  const byId = new Map(related.map((r) => [r.org_id, r]));
  return links.flatMap((l) => {
    const r = byId.get(l.related_org_id);
    return r ? [{ ...r, ...l }] : [];
  });
}
