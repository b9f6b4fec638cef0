// Connects to MotherDuck: the only module that imports @motherduck/wasm-client, loaded (with
// its Arrow and its worker) only when someone connects, so the public pages never pay for it.
// The client fetches its DuckDB build from MotherDuck's servers and needs a cross-origin
// isolated page (cloud.html, see the README's Hosting section).
import { getAsyncDuckDb, MDConnection, type MDConnectionParams } from '@motherduck/wasm-client';
import { quoteIdent } from '../release/sql-text.ts';
import type { Engine } from '../db/engine.ts';
import { cloudEngine } from './cloud-engine.ts';
import { lacking } from './release-check.ts';
import { redact } from '../release/redact.ts';
import type { CloudSession } from './session.ts';

class CloudError extends Error {}

const START_TIMEOUT_MS = 45_000;

/**
 * The cloud engine on `session.database`, once it holds every table and column in `tables`; fails
 * with a CloudError in plain words (never containing the token) and leaves nothing running.
 */
export async function connectMotherDuck(session: CloudSession, tables: Record<string, readonly string[]>): Promise<Engine & { close(): Promise<void> }> {
  const scrub = (text: string) => redact(text, session.token);
  if (!window.crossOriginIsolated) {
    throw new CloudError('This page is not cross-origin isolated, which MotherDuck needs: the host must send '
      + 'Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers for cloud.html (see the README).');
  }
  const params: MDConnectionParams = { mdToken: session.token };
  const connection = MDConnection.create(params);
  try {
    await within(START_TIMEOUT_MS, connection.isInitialized(), 'MotherDuck did not answer');
    const engine = cloudEngine(connection, await getAsyncDuckDb(params), scrub);
    const found = await engine.query<{ table: string; column: string }>(
      'SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_catalog = ?', [session.database]);
    const missing = lacking(tables, found);
    if (found.length === 0) throw new CloudError(`MotherDuck has no database “${session.database}” with tables in it (publish one with npm run publish:motherduck).`);
    if (missing.length) throw new CloudError(`The MotherDuck database “${session.database}” lacks ${missing.join(', ')}: publish the release again.`);
    await engine.exec(`USE ${quoteIdent(session.database)}`);
    return { ...engine, close: () => connection.close() };
  } catch (error) {
    await connection.close().catch(() => {});
    if (error instanceof CloudError) throw error;
    const message = scrub(String((error as Error)?.message ?? error));
    const unreachable = !navigator.onLine || /failed to fetch|network/i.test(message);
    throw new CloudError(unreachable
      ? `Could not reach MotherDuck (app.motherduck.com): is this browser online? The directory goes on working from this site's files. (${message})`
      : `Could not connect to MotherDuck: ${message}`);
  }
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms))]);
}
