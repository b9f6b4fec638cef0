// The offline gazetteer: where a ZIP or a "City, ST" is, shared by the sample generator and
// the build (which publishes it for the app's location search and locates records with it).
// From three npm packages (gazetteer-sources.ts), cross-checked ZIP by ZIP
// (zip-crosscheck.ts), a rural ZIP moved to its town (rural-zips.ts); a city's point is its own GeoNames coordinate snapped to its central
// ZIP (city-points.ts).
import { readFileSync } from 'node:fs';
import { cityPoints, type CityPoint } from './city-points.ts';
import { readPlaces, readZipCandidates } from './gazetteer-sources.ts';
import { PlaceIndex } from './place-index.ts';
import { townPoints } from './rural-zips.ts';
import { crossCheckZips, type ZipCheck, type ZipPoint } from './zip-crosscheck.ts';

export interface StateRow {
  code: string;
  name: string;
  fips: string;
  population: number;
}

export function loadStates(csvPath = new URL('../../data/states.csv', import.meta.url)): StateRow[] {
  const [, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [code, name, fips, population] = line.split(',');
    return { code, name, fips, population: Number(population) };
  });
}

export interface Gazetteer {
  /** Sorted by ZIP, so consumers are deterministic. */
  zips: ZipPoint[];
  cities: CityPoint[];
  /** Every ZIP whose sources disagreed or that was left out, and what was done. */
  checks: ZipCheck[];
}

let loaded: Gazetteer | undefined;

/** Built once per process (reading the packages takes about a second). */
export function loadGazetteer(): Gazetteer {
  if (!loaded) {
    const stateCodes = new Set(loadStates().map((s) => s.code));
    const places = new PlaceIndex(readPlaces(stateCodes));
    const { zips: checked, checks } = crossCheckZips(readZipCandidates(stateCodes), places);
    const zips = townPoints(checked, places);
    loaded = { zips, cities: cityPoints(zips, places), checks };
  }
  return loaded;
}
