import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORDS, readText } from './keywords.ts';

// SAMHSA's code reference as the build reads it: code, category_code, …
const REFERENCE = readFileSync(new URL('../../data/service_codes.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(','));

describe('keywords', () => {
  it('stand for what is offered, never for whom a facility merely accepts', () => {
    // "Gender Accepted: Female" is nearly every facility: "women" found 393 of 423 near 10001 in
    // SAMHSA's 2022 directory. A person typing it means programs for women.
    const accepted = new Set(REFERENCE.filter(([, category]) => category === 'GN').map(([code]) => code));
    expect(accepted.size).toBeGreaterThan(0);
    expect(KEYWORDS.flatMap((k) => (k.codes ?? []).filter((c) => accepted.has(c)).map((c) => `${k.words[0]}: ${c}`))).toEqual([]);
    expect(readText('women').keywords[0].keyword.codes).toEqual(['WN', 'PW']);
  });
});
