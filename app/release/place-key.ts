// A place's name as USPS's ZIP lists and GeoNames' places both write it: "St Louis" is GeoNames'
// "St. Louis", "Mc Grath" its "McGrath", "Bronx" its "The Bronx", "Washington" its "Washington,
// D.C.", "Mayaguez" its "Mayagüez". The build finds a ZIP's city among GeoNames' places with it
// (scripts/build/place-index.ts), and the map its searched town among the towns it names.

const ABBREVIATIONS: [RegExp, string][] = [[/\bst\b/g, 'saint'], [/\bste\b/g, 'sainte'], [/\bmt\b/g, 'mount'], [/\bft\b/g, 'fort']];

/** A place name reduced to what USPS and GeoNames spellings of it share. */
export function placeKey(name: string): string {
  let key = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/^the\s+/, '').replace(/,.*$/, '').replace(/\./g, ' ');
  for (const [abbreviation, word] of ABBREVIATIONS) key = key.replace(abbreviation, word);
  return key.replace(/[^a-z0-9]/g, '');
}
