// The shell: notices that never depend on the engine, then the views once it is up.
import { SafetyLines } from './components/safety-lines.tsx';
import { ReleaseNotice } from './components/release-notice.tsx';
import { useDatabase } from './db/use-database.ts';
import { SummaryView } from './views/summary/summary-view.tsx';

const STAGES = { engine: 'Starting the search engine in your browser…', tables: 'Opening the directory…' };

export function App() {
  const database = useDatabase();
  return (
    <>
      <header className="site-header">
        <h1>National Recovery Directory</h1>
        <SafetyLines />
      </header>
      <main>
        {database.status === 'starting' && (
          <p role="status" className="starting">
            <progress aria-label="Loading" /> {STAGES[database.stage]}
          </p>
        )}
        {database.status === 'failed' && (
          <div role="alert" className="query-failed">
            <p>The directory could not start in this browser: {database.error.message}</p>
            <p>The helplines above work regardless. Reloading the page may help.</p>
          </div>
        )}
        {database.status === 'ready' && (
          <>
            <ReleaseNotice manifest={database.db.manifest} />
            <SummaryView />
          </>
        )}
      </main>
    </>
  );
}
