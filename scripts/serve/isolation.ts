// The cloud page (cloud.html) is served cross-origin isolated, which MotherDuck's client needs
// (SharedArrayBuffer); the public and embedded pages go without, so hosts that embed them are
// not constrained. An isolated page can start a worker only from a script that itself says
// `require-corp` (Chromium blocks it otherwise), so every script carries that header too; on
// a page that is not isolated it changes nothing.
const PAGE = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
const SCRIPT = { 'cross-origin-embedder-policy': 'require-corp' };

/** The cloud page, under whatever sub-path the site is served. */
export const CLOUD_PAGE = /\/cloud\.html$/;

export function isolationHeaders(path: string): Record<string, string> {
  if (CLOUD_PAGE.test(path)) return PAGE;
  return /\.m?js$/.test(path) ? SCRIPT : {};
}
