// The security headers sent with every response (README, "Hosting"). The policy admits the
// app's own files only: WebAssembly compiled from them ('wasm-unsafe-eval'), workers started
// from them or from blob: URLs, inline styles (React, MapLibre and CodeMirror set them), images
// as data: or blob: URLs. A dedicated worker obeys the policy sent with its own script, so it
// goes with every file, not only pages: the engine's worker, where console SQL runs, can then
// read from this origin alone (`read_csv_auto('https://elsewhere/…')` is refused).
import { CLOUD_PAGE } from './isolation.ts';

const SITE = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

// MotherDuck's client (app/cloud/motherduck.ts) loads its DuckDB build from app.motherduck.com
// (importScripts in a blob: worker, which obeys this page's policy, then the wasm), its
// extension from ext.motherduck.com, and talks to api.motherduck.com. A token is typed on this
// page, so no site may frame it.
const MOTHERDUCK = ['https://app.motherduck.com', 'https://api.motherduck.com', 'https://ext.motherduck.com'];
const CLOUD = {
  ...SITE,
  'script-src': [...SITE['script-src'], 'https://app.motherduck.com'],
  'connect-src': [...SITE['connect-src'], ...MOTHERDUCK],
  'frame-ancestors': ["'none'"],
};

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // "Use my location" asks for the position; nothing asks for anything else. (Chromium warns
  // about names it does not know, such as bluetooth, so only names it knows are listed.)
  'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=()',
};

// The public page leaves framing open (no frame-ancestors): other sites embed it (README,
// "Embedding"). The SQL console is the same page, so the app itself refuses to show it framed.
const PUBLIC_HEADERS = { ...COMMON, 'content-security-policy': policy(SITE) };
const CLOUD_HEADERS = { ...COMMON, 'content-security-policy': policy(CLOUD), 'x-frame-options': 'DENY' };

export function securityHeaders(path: string): Record<string, string> {
  return CLOUD_PAGE.test(path) ? CLOUD_HEADERS : PUBLIC_HEADERS;
}
