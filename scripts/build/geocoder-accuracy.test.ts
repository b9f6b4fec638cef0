import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { measureGeocoder, REAL_GEOCODED } from './geocoder-accuracy.ts';

describe.runIf(existsSync(REAL_GEOCODED))('ZIP geocoding on real SAMHSA facilities', () => {
  it('lands within a few miles of the true position for most facilities', async () => {
    const accuracy = (await measureGeocoder())!;
    console.log('geocoder accuracy', accuracy);
    expect(accuracy.facilities).toBe(14034);
    expect(accuracy.located / accuracy.facilities).toBeGreaterThan(0.97);
    expect(accuracy.median_miles).toBeLessThan(3);
    expect(accuracy.p90_miles).toBeLessThan(10);
  });
});
