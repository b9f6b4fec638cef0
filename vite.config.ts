/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { isolationHeaders } from './scripts/serve/isolation.ts';
import { releaseOnly } from './scripts/build/vite-release-only.ts';
import { towns } from './scripts/build/vite-towns.ts';

const markCloud = (html: string) => html
  .replace('<body>', '<body data-page="cloud">')
  .replace('<title>National Recovery Directory</title>', '<title>National Recovery Directory: cloud mode</title>');

/**
 * cloud.html: index.html marked as the cloud page (app/app.tsx reads the mark). Its own path
 * lets a host send it the isolation headers while the public and embedded pages go without.
 */
function cloudPage(): Plugin {
  return {
    name: 'nrd-cloud-page',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        for (const [name, value] of Object.entries(isolationHeaders(path))) res.setHeader(name, value);
        if (path !== '/cloud.html') return next();
        const html = await server.transformIndexHtml('/cloud.html', markCloud(readFileSync('index.html', 'utf8')));
        res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      });
    },
    writeBundle({ dir }) {
      writeFileSync(join(dir!, 'cloud.html'), markCloud(readFileSync(join(dir!, 'index.html'), 'utf8')));
    },
  };
}

/**
 * app/early.ts as an entry of its own, its script first in the page: a few hundred bytes
 * that start fetching a non-English catalog, the release's manifest and the early reader beside
 * the main chunk instead of after it (on Slow 4G the wait for the main chunk to ask cost a
 * Spanish first screen 0.5 to 1.1 s; on loopback the manifest left 0.6 s after navigation). Two module
 * scripts in index.html would be bundled as one entry, hence the plugin.
 */
function earlyScript(): Plugin {
  return {
    name: 'nrd-early-script',
    apply: 'build',
    config: () => ({ build: { rolldownOptions: { input: { index: 'index.html', early: 'app/early.ts' } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        return early ? [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${early.fileName}` }, injectTo: 'head-prepend' }] : [];
      },
    },
  };
}

export default defineConfig({
  // Relative base: the build runs from any sub-path of any static host.
  base: './',
  plugins: [react(), cloudPage(), releaseOnly(), towns(), earlyScript()],
  // The service worker (public/sw.js) reads this list to keep every file for offline use.
  build: { manifest: 'asset-manifest.json' },
  test: {
    include: ['app/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
