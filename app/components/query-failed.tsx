/** A panel's own error: what failed, with the SQL behind it, while the rest of the page works. */
export function QueryFailed({ error }: { error: Error & { sql?: string } }) {
  return (
    <div role="alert" className="query-failed">
      <p>This part of the page could not be loaded: {error.message}</p>
      {error.sql && (
        <details>
          <summary>SQL</summary>
          <pre>{error.sql}</pre>
        </details>
      )}
    </div>
  );
}
