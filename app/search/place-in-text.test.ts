import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeAmongWords, placeInText, placeOfBox, STATE_CODES, STATE_NAMES, stateTyped } from './place-in-text.ts';

describe('a place typed among the words', () => {
  // Typed, the place found and the words left. Each had been required words: "detox 10001", "detox 10001-2345"
  // and "detox in miles city mt" found nothing in the whole country, "aa near boston" 22 listings named for Boston.
  const FOUND = [
    ['detox 10001', '10001', 'detox'], ['10001', '10001', ''],
    // A ZIP+4 with or without its dash; punctuation around it aside; four digits before a ZIP are a street number.
    ['detox 10001-2345', '10001', 'detox'], ['02139 4307', '02139', ''], ['aa 02139 4307 women', '02139', 'aa women'],
    ['detox near 10001.', '10001', 'detox near'], ['4307 main st 02139', '02139', '4307 main st'],
    // A town named beside its ZIP: "miles", "city" and "mt" had stayed required words.
    ['detox in Miles City, MT 59301', '59301', 'detox'], ['aa near boston 02108', '02108', 'aa'],
    // The words after "near" or "cerca de", and after "in" or "en" when they end in a state.
    ['detox in miles city mt', 'miles city mt', 'detox'], ['aa near boston', 'boston', 'aa'],
    ['Sober living in Austin, TX', 'Austin, TX', 'Sober living'], ['detox para mujeres cerca de el paso tx', 'el paso tx', 'detox para mujeres'],
    ['centro de recuperación en san juan puerto rico', 'san juan puerto rico', 'centro de recuperación'],
  ];

  it('finds a ZIP, a ZIP+4 or a named place among the words, to be the place', () => {
    for (const [text, place, rest] of FOUND) expect(placeInText(text), text).toEqual({ place, rest });
  });

  it('finds none in a name, in what asks for nothing, in a keyword or a state alone', () => {
    for (const text of ['detox', '1000', '100011', 'route 66', '1000-12345']) expect(placeInText(text), text).toBeNull();
    // No place: a name ("Women in Recovery"), what asks for nothing, a keyword, a state alone, or nothing after.
    for (const text of ['women in recovery', 'detox near me', 'help near my house', 'rehab near', 'housing near aa',
      'hope in texas', 'detox in', 'care around the clock', 'a place in the sun']) {
      expect(placeInText(text), text).toBeNull();
    }
  });

  it('is the place only when none is given and the place may change', () => {
    expect(placeAmongWords({ where: ' ', at: null, text: 'detox 10001' }, false)).toEqual({ place: '10001', rest: 'detox' });
    expect(placeAmongWords({ where: '02139', at: null, text: 'detox 10001' }, false)).toBeNull();
    expect(placeAmongWords({ where: '', at: { lat: 42.36, lon: -71.06 }, text: 'detox 10001' }, false)).toBeNull();
    // An embed's locked place, even an empty one: moved, the lock dropped it and the words lost it.
    expect(placeAmongWords({ where: '', at: null, text: 'detox 10001' }, true)).toBeNull();
  });

  it('knows the states and territories data/states.csv lists', () => {
    const rows = readFileSync(new URL('../../data/states.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(STATE_CODES).toEqual(rows.map((r) => r[0]));
    expect(STATE_NAMES).toEqual(rows.map((r) => r[1]));
  });
});

describe('a state typed alone in the place box', () => {
  it('is read by its postal code or its name, in any case and spacing, and nothing else is', () => {
    expect(stateTyped('WY')).toEqual({ code: 'WY', byName: false });
    expect(stateTyped(' wy ')).toEqual({ code: 'WY', byName: false });
    expect(stateTyped('Wyoming')).toEqual({ code: 'WY', byName: true });
    expect(stateTyped('new   york')).toEqual({ code: 'NY', byName: true });
    expect(stateTyped('puerto rico')).toEqual({ code: 'PR', byName: true });
    for (const where of ['Cheyenne, WY', 'WYO', '82001', 'New York, NY', '']) expect(stateTyped(where), where).toBeNull();
    // In the page's language too, accents typed or not; without its names, a Spanish name is no state.
    const spanish = STATE_CODES.map((c, i) => ({ LA: 'Luisiana', NY: 'Nueva York', MI: 'Míchigan' })[c as 'LA'] ?? STATE_NAMES[i]);
    expect(stateTyped('Luisiana', spanish)).toEqual({ code: 'LA', byName: true });
    expect(stateTyped('nueva york', spanish)).toEqual({ code: 'NY', byName: true });
    expect(stateTyped('Michigan', spanish)).toEqual({ code: 'MI', byName: true });
    expect(stateTyped('Michígan')).toEqual({ code: 'MI', byName: true });
    expect(stateTyped('Luisiana')).toBeNull();
    // Another name a state goes by (a walkthrough).
    expect(stateTyped('Tejas')).toEqual({ code: 'TX', byName: true });
  });
});

describe('the place box, as people type in it', () => {
  it('reads a ZIP wherever it is, beside its town or after it', () => {
    // Each was "not a ZIP code or city we know" (a walkthrough).
    for (const typed of ['Portsmouth, OH 45662', 'portsmouth oh 45662-1234', '45662 portsmouth']) expect(placeOfBox(typed), typed).toEqual({ place: '45662', here: false });
    expect(placeOfBox('New York, NY 10001').place).toBe('10001');
    // An address's ZIP, not its street number.
    expect(placeOfBox('12500 Jefferson Ave, Newport News, VA 23602').place).toBe('23602');
  });

  it('leaves out "near me" around a town, and says when it is all there is', () => {
    expect(placeOfBox('hazard ky near me')).toEqual({ place: 'hazard ky', here: true });
    expect(placeOfBox('Chillicothe, OH nearby')).toEqual({ place: 'Chillicothe, OH', here: true });
    expect(placeOfBox('near Boston')).toEqual({ place: 'Boston', here: false });
    for (const typed of ['near me', 'Cerca de mí', 'cerca de mi', 'close to me', 'nearby']) expect(placeOfBox(typed), typed).toEqual({ place: '', here: true });
  });

  it('keeps a place as typed when nothing is taken from it', () => {
    for (const typed of ['Washington, D.C.', 'St. Louis, MO', 'Nueva York', 'WY']) expect(placeOfBox(` ${typed} `)).toEqual({ place: typed, here: false });
  });
});
