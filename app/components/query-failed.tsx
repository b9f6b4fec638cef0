import { QueryError } from '../db/engine.ts';

/** A panel's own error: what failed, with the SQL behind it, while the rest of the page works. */
export function QueryFailed({ error }: { error: Error }) {
  return (
    <div role="alert" className="query-failed">
      <p>This part of the page could not be loaded: {error.message}. The rest of the directory still works.</p>
      {error instanceof QueryError && error.sql && (
        <details>
          <summary>Details</summary>
          {error.detail !== error.message && <p>{error.detail}</p>}
          <pre>{error.sql}</pre>
        </details>
      )}
    </div>
  );
}
