// The benchmark's pages: the directory's engine and queries, and the two alternatives, built
// like the app (same bundler, self-hosted wasm) into bench/pages and served under /bench/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pages = (name: string) => fileURLToPath(new URL(`pages/${name}.html`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('pages/', import.meta.url)),
  base: '/bench/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../bench/pages/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: { ours: pages('ours'), json: pages('json'), sqljs: pages('sqljs') } },
  },
});
