import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './gazetteer.ts';
import { miles } from './miles.ts';

describe('a rural ZIP at its town', () => {
  const { zips, cities } = loadGazetteer();
  const zip = (code: string) => zips.find((z) => z.zip === code)!;

  it('searches from the town a large rural ZIP is named for, not the middle of its area', () => {
    // 99615's area is Kodiak Island: its middle lay 38 mi from the town, where its listings are.
    expect(zip('99615')).toMatchObject({ city: 'Kodiak', source: 'town' });
    expect(miles(zip('99615'), { lat: 57.79, lon: -152.41 })).toBeLessThan(2);
    // 99603's point was in Kachemak Bay, 12 mi from Homer.
    expect(miles(zip('99603'), { lat: 59.64, lon: -151.55 })).toBeLessThan(2);
    // "Kodiak, AK" searches as its central ZIP does.
    const kodiak = cities.find((c) => c.city === 'Kodiak' && c.state === 'AK')!;
    expect(miles(kodiak, zip(kodiak.central_zip))).toBe(0);
    expect(miles(kodiak, { lat: 57.79, lon: -152.41 })).toBeLessThan(2);
  });

  it('leaves a city\'s ZIPs at their own points', () => {
    for (const code of ['10001', '02139', '60601', '90045', '77002']) expect(zip(code).source, code).not.toBe('town');
  });
});
