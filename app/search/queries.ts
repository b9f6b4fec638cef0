// Search state → SQL with bound parameters, for every panel: results, count, facets, map,
// location lookup, detail. Views run these through the engine; none writes SQL of its own.
import { boundingBox, EARTH_RADIUS_MILES } from '../release/geo.ts';
import { relation } from '../release/relation.ts';
import { FILTER_GROUP_BY_ID, FILTER_GROUPS, type FilterGroup } from './filters.ts';
import { and, join, likeLiteral, or, raw, sql, type Sql } from '../release/sql.ts';
import { ORG_TYPES, TYPE_TABLES, type OrgType, type Place, type SearchState } from './state.ts';

/** A search with its location resolved (from the gazetteer or the browser). */
export interface ResolvedSearch {
  state: SearchState;
  near: Place | null;
  /**
   * The only states that can hold results (release/geo.ts), so the engine reads only their
   * partitions (release/relation.ts); absent means every organization.
   */
  states?: readonly string[];
}

/** The types a search can return: the chosen ones, narrowed by any type-specific filter. */
export function effectiveTypes(s: SearchState, exceptGroup?: string): OrgType[] {
  const implied = new Set(Object.entries(s.filters)
    .filter(([id, values]) => id !== exceptGroup && values.length)
    .map(([id]) => FILTER_GROUP_BY_ID.get(id)!.appliesTo));
  const chosen = s.types.length ? s.types : [...ORG_TYPES];
  return implied.size ? chosen.filter((t) => implied.has(t)) : chosen;
}

function distance(near: Place): Sql {
  return sql`2 * ${raw(String(EARTH_RADIUS_MILES))} * asin(sqrt(pow(sin(radians(o.latitude - ${near.lat}) / 2), 2)
    + cos(radians(${near.lat})) * cos(radians(o.latitude)) * pow(sin(radians(o.longitude - ${near.lon}) / 2), 2)))`;
}

function within(near: Place, miles: number): Sql {
  // The bounding box lets Parquet statistics skip row groups before any distance is computed.
  const box = boundingBox(near.lat, near.lon, miles);
  return sql`o.latitude BETWEEN ${box.minLat} AND ${box.maxLat}
    AND o.longitude BETWEEN ${box.minLon} AND ${box.maxLon}
    AND ${distance(near)} <= ${miles}`;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

function matchesText(text: string): Sql {
  // Every word must appear in the name, another name, the street or the city.
  return and(words(text).map((word) => {
    const pattern = `%${likeLiteral(word)}%`;
    return or([
      sql`o.name ILIKE ${pattern} ESCAPE '\\'`,
      sql`array_to_string(o.other_names, ' ') ILIKE ${pattern} ESCAPE '\\'`,
      sql`o.address_line1 ILIKE ${pattern} ESCAPE '\\'`,
      sql`o.city ILIKE ${pattern} ESCAPE '\\'`,
    ]);
  }));
}

/** 0: the name is the text; 1: starts with it; 2: a word of it starts with it; 3: elsewhere. */
function textRank(text: string): Sql {
  const phrase = likeLiteral(text.trim());
  return sql`CASE WHEN lower(o.name) = lower(${text.trim()}) THEN 0
    WHEN o.name ILIKE ${`${phrase}%`} ESCAPE '\\' THEN 1
    WHEN o.name ILIKE ${`% ${phrase}%`} ESCAPE '\\' THEN 2 ELSE 3 END`;
}

function groupPredicate(group: FilterGroup, values: string[]): Sql {
  return or(group.options.filter((o) => values.includes(o.value)).map((o) => o.where));
}

/** Location and text: what every panel shares. */
function scope({ state, near }: ResolvedSearch): Sql[] {
  const parts: Sql[] = [];
  if (near) parts.push(within(near, state.radius));
  if (words(state.text).length) parts.push(matchesText(state.text));
  return parts;
}

/** Types and filters, leaving out one group when counting that group's own options. */
function choices(state: SearchState, exceptGroup?: string): Sql[] {
  const parts: Sql[] = [];
  const types = effectiveTypes(state, exceptGroup);
  if (types.length < ORG_TYPES.length) parts.push(types.length ? sql`o.org_type IN (${join(types.map((t) => sql`${t}`), ', ')})` : raw('FALSE'));
  for (const group of FILTER_GROUPS) {
    const values = state.filters[group.id];
    if (group.id !== exceptGroup && values?.length) parts.push(groupPredicate(group, values));
  }
  return parts;
}

function organizations({ states }: ResolvedSearch): Sql {
  return states ? sql`${relation('organizations', states)} o` : raw('organizations_by_id o');
}

function joined(search: ResolvedSearch): Sql {
  return sql`${organizations(search)}
  LEFT JOIN ${relation('treatment_centers', search.states)} t ON t.org_id = o.org_id
  LEFT JOIN narr_residences n ON n.org_id = o.org_id`;
}

function from(search: ResolvedSearch): Sql {
  // Join the type tables only when a filter reads them.
  return Object.keys(search.state.filters).length ? joined(search) : organizations(search);
}

export type SortKey = 'relevance' | 'name' | 'distance' | 'city' | 'type';

/** A page of results in the table's order; without `limit`, all of them (for an export). */
export function resultsQuery(search: ResolvedSearch, page: { limit?: number; offset?: number; sort?: SortKey; desc?: boolean }): Sql {
  const { state, near } = search;
  const dist = near ? distance(near) : raw('NULL');
  const dir = raw(page.desc ? 'DESC' : 'ASC');
  // Sources write some names in capitals: order without regard to case.
  const byName = raw('lower(o.name), o.org_id');
  const order = {
    relevance: near ? sql`distance_miles ${dir}, ${byName}`
      : words(state.text).length ? sql`${textRank(state.text)} ${dir}, ${byName}` : sql`lower(o.name) ${dir}, o.org_id`,
    distance: near ? sql`distance_miles ${dir}, o.org_id` : sql`lower(o.name) ${dir}, o.org_id`,
    name: sql`lower(o.name) ${dir}, o.org_id`,
    city: sql`o.state ${dir}, lower(o.city) ${dir}, ${byName}`,
    type: sql`o.org_type ${dir}, ${byName}`,
  }[page.sort ?? 'relevance'];
  return sql`SELECT o.org_id, o.name, o.org_type, o.address_line1, o.city, o.state, o.zip, o.phone,
      o.latitude, o.longitude, o.geo_precision, ${dist} AS distance_miles
    FROM ${from(search)}
    WHERE ${and([...scope(search), ...choices(state)])}
    ORDER BY ${order}${page.limit === undefined ? raw('') : sql`
    LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`}`;
}

export function countQuery(search: ResolvedSearch): Sql {
  return sql`SELECT count(*)::INTEGER AS n FROM ${from(search)}
    WHERE ${and([...scope(search), ...choices(search.state)])}`;
}

/** Every result's position and type, for the map. */
export function pointsQuery(search: ResolvedSearch): Sql {
  return sql`SELECT o.org_id, o.org_type, o.name, o.latitude, o.longitude FROM ${from(search)}
    WHERE o.latitude IS NOT NULL AND ${and([...scope(search), ...choices(search.state)])}`;
}

export const facetKey = (group: string, value: string) => `${group}:${value}`;

/**
 * One row with a count beside every filter choice: how many results that choice would give
 * with everything else as it is (a group's own choices are left out of its counts).
 */
export function facetsQuery(search: ResolvedSearch): Sql {
  const { state } = search;
  const counts: Sql[] = ORG_TYPES.map((t) =>
    sql`count(*) FILTER (WHERE o.org_type = ${t} AND ${and(choices({ ...state, types: [] }))})::INTEGER AS ${raw(`"${facetKey('type', t)}"`)}`);
  for (const group of FILTER_GROUPS) {
    for (const option of group.options) {
      counts.push(sql`count(*) FILTER (WHERE ${option.where} AND ${and(choices(state, group.id))})::INTEGER
        AS ${raw(`"${facetKey(group.id, option.value)}"`)}`);
    }
  }
  return sql`SELECT ${join(counts, ',\n  ')} FROM ${joined(search)} WHERE ${and(scope(search))}`;
}

/** A ZIP, or "City, ST" / "City, State" / "City ST", looked up in the gazetteer. */
export function locationQuery(where: string): Sql | null {
  const text = where.trim();
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(text);
  if (zip) {
    return sql`SELECT coalesce(city || ', ' || state || ' ', '') || key AS label, latitude, longitude
      FROM gazetteer WHERE kind = 'zip' AND key = ${zip[1]}`;
  }
  const m = /^(.+?)(?:,\s*|\s+)([A-Za-z]{2}|[A-Za-z][A-Za-z .]+)$/.exec(text);
  if (!m) return null;
  // "Kansas City" has no state after it; try both readings, the explicit state first.
  return sql`SELECT g.city || ', ' || g.state AS label, g.latitude, g.longitude
    FROM gazetteer g JOIN states s ON s.code = g.state
    WHERE g.kind = 'city' AND lower(g.city) = lower(${m[1].trim()})
      AND (lower(s.code) = lower(${m[2].trim()}) OR lower(s.name) = lower(${m[2].trim()}))
    ORDER BY g.state LIMIT 1`;
}

export function organizationQuery(orgId: string): Sql {
  return sql`SELECT * FROM organizations_by_id WHERE org_id = ${orgId}`;
}

/** `states`: where the organization is, so a table partitioned by state is read from that state's files alone. */
export function typeDetailQuery(orgType: OrgType, orgId: string, states: readonly string[] | null = null): Sql {
  return sql`SELECT * FROM ${relation(TYPE_TABLES[orgType], states)} WHERE org_id = ${orgId}`;
}

export function servicesQuery(orgId: string): Sql {
  return sql`SELECT c.category_name, c.code, c.name FROM organization_services s
    JOIN service_codes c ON c.code = s.code WHERE s.org_id = ${orgId}
    ORDER BY c.category_order, c.name`;
}

export function networkQuery(orgId: string): Sql {
  return sql`SELECT r.related_org_id, r.relationship, r.related_type, r.distance_miles, r.travel_minutes, r.strength,
      o.name, o.city, o.state, o.phone, o.latitude, o.longitude
    FROM network_relationships r JOIN organizations_by_id o ON o.org_id = r.related_org_id
    WHERE r.org_id = ${orgId} ORDER BY r.strength DESC, r.distance_miles`;
}
