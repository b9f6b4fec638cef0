// A small seeded PRNG so the sample is identical on every machine and Node version.
// Each record draws from its own stream (seed, stream name, index), so adding records
// (--scale) never changes the ones before them.

export type Rng = ReturnType<typeof rngFor>;

function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, stream: string, index: number) {
  const next = mulberry32(hash32(`${seed}:${stream}:${index}`));
  const rng = {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** Picks by weight; `cumulative` is the running sum of the weights. */
    pickWeighted: <T>(items: readonly T[], cumulative: readonly number[]): T => {
      const x = next() * cumulative[cumulative.length - 1];
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo];
    },
    some: <T>(items: readonly T[], p: number): T[] => items.filter(() => next() < p),
  };
  return rng;
}

export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
