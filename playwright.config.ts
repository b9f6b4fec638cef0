import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

// Debian's Chromium, never Playwright's own download (it cannot be fetched here).
export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  // Cold queries in duckdb-wasm over HTTP take seconds on a 2-core machine; see bench notes.
  expect: { timeout: 20_000 },
  workers: 1,
  // One retry in CI, reported as flaky (not hidden), with a trace of the failed try to read.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run',
        // Any request to another host fails loudly instead of quietly reaching out.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
  webServer: {
    command: `npx tsx scripts/serve.ts dist --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
  },
});
