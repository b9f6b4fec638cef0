// `tsx scripts/precompress.ts [dist]`: brotli and gzip siblings for the built site (run by `npm run build`).
import { precompress } from './serve/precompress.ts';

const root = process.argv[2] ?? 'dist';
const done = await precompress(root);
const sum = (key: 'bytes' | 'br' | 'gz') => done.reduce((a, f) => a + f[key], 0);
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`precompressed ${done.length} files in ${root}: ${mb(sum('bytes'))} → brotli ${mb(sum('br'))}, gzip ${mb(sum('gz'))}`);
