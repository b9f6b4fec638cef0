// Alternative (a): the whole directory as one JSON file, filtered with plain JavaScript.
import { milesBetween } from '../../../app/release/geo.ts';
import { FLAT_FILTERS, PAGE, type Filters } from '../mix.ts';
import { exposeMix, loadOrReport, type Answers } from './expose.ts';
import { paintFirstPage, searchFromLocation } from './first-page.ts';

interface Org {
  org_id: string; name: string; program_name: string | null; other_names: string | null; org_type: string; address_line1: string | null;
  city: string | null; state: string; zip: string | null; phone: string | null;
  latitude: number | null; longitude: number | null; level_of_care: string | null;
  residential_capacity: number | null; accepts_medicaid: boolean | null; medication_assisted_treatment: boolean | null;
  services: string[] | null; network: [string, string, string, string, string, string][] | null;
  [column: string]: unknown;
}
interface Directory {
  zips: Record<string, [string, number, number]>;
  codes: { code: string; name: string; category_name: string }[];
  organizations: Org[];
}

// Response.json() reads the whole file as one string: past V8's ~512 MB string limit it throws.
const dir = await loadOrReport(async () => (await (await fetch('/alt/json/directory.json')).json()) as Directory);
const byId = new Map(dir.organizations.map((o) => [o.org_id, o]));
const codes = new Map(dir.codes.map((c) => [c.code, c]));

const miles = (lat1: number, lon1: number, lat2: number, lon2: number) => milesBetween({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 });

const matches = (o: Org, filters: Filters) => Object.entries(filters).every(([group, values]) =>
  values.some((v) => o[FLAT_FILTERS[group][v].column] === FLAT_FILTERS[group][v].equals));

const byName = (a: Org, b: Org) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || (a.org_id < b.org_id ? -1 : 1);

function within(zip: string, radius: number, filters: Filters = {}) {
  const [, lat, lon] = dir.zips[zip];
  const found: { o: Org; d: number }[] = [];
  for (const o of dir.organizations) {
    if (o.latitude === null || o.longitude === null) continue;
    const d = miles(lat, lon, o.latitude, o.longitude);
    if (d <= radius && matches(o, filters)) found.push({ o, d });
  }
  return found;
}

function nearest(zip: string, radius: number, filters?: Filters) {
  const found = within(zip, radius, filters);
  found.sort((a, b) => a.d - b.d || byName(a.o, b.o));
  return { page: found.slice(0, PAGE).map((f) => f.o), total: found.length };
}

function text(query: string) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const phrase = query.trim().toLowerCase();
  const found = dir.organizations.filter((o) => {
    const hay = [o.name, o.program_name, o.other_names, o.address_line1, o.city].map((v) => (v ?? '').toLowerCase());
    return words.every((w) => hay.some((h) => h.includes(w)));
  });
  const rank = (o: Org) => {
    const name = o.name.toLowerCase();
    return name === phrase ? 0 : name.startsWith(phrase) ? 1 : name.includes(` ${phrase}`) ? 2 : 3;
  };
  found.sort((a, b) => rank(a) - rank(b) || byName(a, b));
  return { page: found.slice(0, PAGE), total: found.length };
}

function groupCount<T>(items: T[], key: (item: T) => string, add: (item: T) => number = () => 1) {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + add(item));
  return out;
}

const answers: Answers = {
  near: (zip, miles, filters) => nearest(zip, miles, filters).total,
  text: (query) => text(query).total,
  facets: (zip, miles) => {
    const found = within(zip, miles).map((f) => f.o);
    // Every option is counted, as in the directory's facet row; the type counts add up to the results.
    const options = Object.entries(FLAT_FILTERS).flatMap(([group, values]) =>
      Object.keys(values).map((value) => found.filter((o) => matches(o, { [group]: [value] })).length));
    if (options.some((n) => n > found.length)) throw new Error('an option counted more than the results');
    return [...groupCount(found, (o) => o.org_type).values()].reduce((a, b) => a + b, 0);
  },
  detail: (orgId) => (byId.get(orgId)!.services ?? []).map((code) => codes.get(code)).length,
  network: (orgId) => (byId.get(orgId)!.network ?? []).map(([id]) => byId.get(id)!.name).length,
  dashboard: (name) => {
    const orgs = dir.organizations;
    const centers = orgs.filter((o) => o.org_type === 'treatment_center');
    if (name === 'by-state') return groupCount(orgs, (o) => `${o.state}|${o.org_type}`).size;
    if (name === 'capacity') return groupCount(centers, (o) => o.state, (o) => o.residential_capacity ?? 0).size;
    return groupCount(centers, (o) => o.state, (o) => Number(!!o.accepts_medicaid) + Number(!!o.medication_assisted_treatment)).size;
  },
};

const cold = searchFromLocation();
const first = cold ? nearest(cold.zip, cold.miles) : { page: [...dir.organizations].sort(byName).slice(0, PAGE), total: dir.organizations.length };
paintFirstPage(first.page, first.total);
exposeMix(answers);
