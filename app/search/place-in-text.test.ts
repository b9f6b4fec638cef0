import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeInText, STATE_CODES, STATE_NAMES } from './place-in-text.ts';

describe('a place typed among the words', () => {
  it('finds a ZIP typed among the words, to be the place', () => {
    expect(placeInText('detox 10001')).toEqual({ place: '10001', rest: 'detox' });
    expect(placeInText('10001')).toEqual({ place: '10001', rest: '' });
    for (const text of ['detox', '1000', '100011', 'route 66', '1000-12345']) expect(placeInText(text), text).toBeNull();
  });

  it('reads a ZIP+4 among the words as its ZIP, with or without its dash', () => {
    // Each had been a required word: "detox 10001-2345" found nothing in the whole country.
    expect(placeInText('detox 10001-2345')).toEqual({ place: '10001', rest: 'detox' });
    expect(placeInText('02139 4307')).toEqual({ place: '02139', rest: '' });
    expect(placeInText('aa 02139 4307 women')).toEqual({ place: '02139', rest: 'aa women' });
    expect(placeInText('detox near 10001.')).toEqual({ place: '10001', rest: 'detox near' });
    // Four digits before a ZIP are no part of it (a street number).
    expect(placeInText('4307 main st 02139')).toEqual({ place: '02139', rest: '4307 main st' });
  });

  it('reads the words after "near" or "cerca de", and after "in" or "en" when they end in a state, as the place', () => {
    // "detox in miles city mt" found nothing in the whole country as words, "aa near boston" 22 listings named for Boston.
    expect(placeInText('detox in miles city mt')).toEqual({ place: 'miles city mt', rest: 'detox' });
    expect(placeInText('aa near boston')).toEqual({ place: 'boston', rest: 'aa' });
    expect(placeInText('Sober living in Austin, TX')).toEqual({ place: 'Austin, TX', rest: 'Sober living' });
    expect(placeInText('detox para mujeres cerca de el paso tx')).toEqual({ place: 'el paso tx', rest: 'detox para mujeres' });
    expect(placeInText('centro de recuperación en san juan puerto rico')).toEqual({ place: 'san juan puerto rico', rest: 'centro de recuperación' });
    // No place: a name ("Women in Recovery"), what asks for nothing, a keyword, a state alone, or nothing after.
    for (const text of ['women in recovery', 'detox near me', 'help near my house', 'rehab near', 'housing near aa',
      'hope in texas', 'detox in', 'care around the clock', 'a place in the sun']) {
      expect(placeInText(text), text).toBeNull();
    }
  });

  it('knows the states and territories data/states.csv lists', () => {
    const rows = readFileSync(new URL('../../data/states.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(STATE_CODES).toEqual(rows.map((r) => r[0]));
    expect(STATE_NAMES).toEqual(rows.map((r) => r[1]));
  });
});
