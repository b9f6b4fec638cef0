import { describe, expect, it } from 'vitest';
import { plusMiB } from './pipeline.ts';

describe('plusMiB (the Parquet step\'s headroom over the memory limit)', () => {
  it('adds to a size as DuckDB prints it, whatever its unit', () => {
    expect(plusMiB('1.0 GiB', 256)).toBe('1280 MiB');
    expect(plusMiB('762.9 MiB', 256)).toBe('1019 MiB');
    expect(plusMiB('3GB', 0)).toBe('2861 MiB');
  });

  it('refuses what is not a size', () => {
    expect(() => plusMiB('lots', 256)).toThrow('not a size: lots');
  });
});
