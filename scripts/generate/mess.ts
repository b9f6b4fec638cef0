// The ways real extracts are untidy, applied with small probabilities so the build's
// normalization has something to do. Invented contact data only: fictional 555-01xx
// phone lines and websites under the reserved example.org domain (RFC 2606).
import type { Rng } from './random.ts';

export function phone(rng: Rng, area: string): string {
  const line = `01${String(rng.int(0, 99)).padStart(2, '0')}`;
  return rng.pick([
    `(${area}) 555-${line}`,
    `${area}-555-${line}`,
    `${area}.555.${line}`,
    `${area}555${line}`,
    `+1 ${area} 555 ${line}`,
    `1-${area}-555-${line}`,
  ]);
}

export function website(rng: Rng, slugText: string): string | null {
  const host = `${slugText.slice(0, 40)}.example.org`;
  const x = rng.next();
  if (x < 0.35) return `https://www.${host}`;
  if (x < 0.6) return `http://${host}/`;
  if (x < 0.8) return `www.${host}`;
  if (x < 0.97) return host;
  if (x < 0.985) return `ftp://${host}`; // not http(s): the build drops it with a warning
  return null;
}

/** Stray whitespace and case, as hand-keyed registries have. */
export function scruff(rng: Rng, text: string): string {
  const x = rng.next();
  if (x < 0.03) return `  ${text} `;
  if (x < 0.05) return text.toUpperCase();
  if (x < 0.06) return text.replace(/ /g, '  ');
  return text;
}

export function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Mostly ISO 8601, sometimes the US MM/DD/YYYY some sources use. */
export function messyDate(rng: Rng, fromYear: number, toYear: number): string {
  const iso = isoDate(rng, fromYear, toYear);
  if (!rng.chance(0.15)) return iso;
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

export function zipMaybePlus4(rng: Rng, zip: string): string {
  return rng.chance(0.1) ? `${zip}-${String(rng.int(1, 9999)).padStart(4, '0')}` : zip;
}
