// What the engine is doing whenever a person would otherwise wonder: starting (and that it is
// slow when it is), that it could not start (with a way to try again; the helplines in the
// header stay whatever happens), that a query waits on a slow server, or that the engine is
// restarting after a failed download (issue 12, items 7, 9 and 10).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivity } from '../db/activity.ts';
import { retryDatabase, type DatabaseState } from '../db/database.ts';
import { Helplines } from './safety-lines.tsx';

/** Starting takes about a second on a good connection; past this the page says it is slow. */
const SLOW_START_MS = 8_000;
/** A query a person waits for takes well under this on a good connection. */
const SLOW_QUERY_MS = 4_000;


/** Whether `ms` have passed since `since` (a performance.now() time); false while `since` is null. */
function useAfter(since: number | null, ms: number): boolean {
  const [, wake] = useState(0);
  const passed = since !== null && performance.now() - since >= ms;
  useEffect(() => {
    if (since === null || passed) return;
    const timer = setTimeout(() => wake((n) => n + 1), since + ms - performance.now());
    return () => clearTimeout(timer);
  }, [since, passed, ms]);
  return passed;
}

export function StartingNotice({ database }: { database: DatabaseState }) {
  const { t } = useTranslation();
  const slow = useAfter(database.status === 'starting' ? database.since : null, SLOW_START_MS);
  if (database.status === 'starting') {
    return (
      <p role="status" className="starting">
        <progress aria-label={t('common.loading')} /> {t(`engine.stage.${database.stage}`)}
        {slow && ` ${t('engine.slowStart')}`}
      </p>
    );
  }
  if (database.status !== 'failed') return null;
  return <StartFailed message={database.error.message} />;
}

/**
 * Said where it is seen: on a phone the page may already have moved to the results (a ZIP's, read
 * without the engine), leaving the header's helplines and this notice above the screen; so the
 * notice comes into view and says the helplines itself.
 */
function StartFailed({ message }: { message: string }) {
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <div role="alert" className="query-failed" ref={notice}>
      <p>{t('engine.failed', { message: message.replace(/\.$/, '') })}</p>
      <p><Helplines /></p>
      <p><button type="button" onClick={retryDatabase}>{t('engine.tryAgain')}</button></p>
    </div>
  );
}

export function EngineActivity() {
  const { t } = useTranslation();
  const { busySince, restarting } = useActivity();
  const slow = useAfter(busySince, SLOW_QUERY_MS);
  if (restarting) {
    return <p role="status" className="engine-activity">{t('engine.restarting')}</p>;
  }
  if (!slow) return null;
  return (
    <p role="status" className="engine-activity">
      <progress aria-label={t('engine.working')} /> {t('engine.slowQuery')}
    </p>
  );
}
