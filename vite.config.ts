/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative base: the build runs from any sub-path of any static host.
  base: './',
  plugins: [react()],
  // The service worker (public/sw.js) reads this list to keep every file for offline use.
  build: { manifest: 'asset-manifest.json' },
  test: {
    include: ['app/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
