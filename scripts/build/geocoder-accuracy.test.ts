import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { measureGeocoder, REAL_GEOCODED } from './geocoder-accuracy.ts';

describe.runIf(existsSync(REAL_GEOCODED))('ZIP geocoding on real SAMHSA facilities', () => {
  it('lands within a few miles of the true position for most facilities', async () => {
    const accuracy = (await measureGeocoder())!;
    console.log('geocoder accuracy', accuracy);
    expect(accuracy.facilities).toBe(14034);
    expect(accuracy.located / accuracy.facilities).toBeGreaterThan(0.97);
    // Measured 2026-12-03: 1.18 / 3.16 / 8.29, rural ZIPs at their towns (rural-zips.ts); 1.20 / 3.36 /
    // 9.76 before; the ZCTA-first gazetteer before that: 1.65 / 5.52 / 17.08.
    expect(accuracy.median_miles).toBeLessThan(1.25);
    expect(accuracy.p90_miles).toBeLessThan(3.25);
    expect(accuracy.p99_miles).toBeLessThan(8.6);
    // "City, ST": 1.70 / 5.55 (1.75 / 5.71 before; the mean of the city's ZIPs before that: 2.42 / 6.76).
    expect(accuracy.city_located / accuracy.facilities).toBeGreaterThan(0.99);
    expect(accuracy.city_median_miles).toBeLessThan(1.8);
    expect(accuracy.city_p90_miles).toBeLessThan(5.65);
  });
});
