// The directory kept on this device: after a first visit the service worker (public/sw.js)
// copies the whole release, so the app works with the network cut. It starts by itself a few
// seconds after the directory opened (never competing with the first search), unless the
// browser asks to save data, says it is on a cellular or slow connection or lacks the room, it
// is a phone or tablet, or the visitor said no; then it is a click. Stopping or removing the copy is one click.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unusedEngineFiles } from '../db/engine-worker-start.ts';
import { browserConnection, metered, type Connection } from '../db/metered.ts';
import { dateContext, formatDate, formatNumber } from '../i18n/format.ts';

type Progress =
  | { status: 'idle' }
  | { status: 'copying'; done: number; total: number }
  | { status: 'ready'; release: string; dataDate: string | null; files: number; bytes: number }
  | { status: 'failed'; message: string };

/** localStorage: 'off' once the visitor stopped or removed a copy; only a click copies then. */
export const OFFLINE_PREFERENCE = 'nrd:offline-copy';
const START_AFTER_MS = 5_000;

// What a copy adds to the release's Parquet: the engine (18 MB of wasm) and the app's scripts.
const APP_BYTES = 20e6;

/**
 * Whether this visit may copy `bytes` without being asked (exported for its test). Not on a phone
 * or tablet (`handheld`): iPhone's Safari says nothing of its connection, and a parent on a capped
 * plan found 28 MB copied unasked (SAMHSA's directory, a walkthrough); there it is a click.
 */
export function copiesByItself(preference: string | null, connection: Connection | undefined,
  storage: StorageEstimate | undefined, bytes: number, handheld = false): boolean {
  if (preference === 'off' || handheld || metered(connection)) return false;
  // Twice the room: a new release is copied beside the old one before the old one goes.
  return !storage?.quota || storage.quota - (storage.usage ?? 0) > 2 * bytes;
}

export function OfflineCopy({ releaseBytes }: { releaseBytes: number }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress>({ status: 'idle' });
  const available = 'serviceWorker' in navigator && import.meta.env.PROD;

  useEffect(() => {
    if (!available) return;
    const onMessage = (event: MessageEvent) => {
      const m = event.data as { type?: string; done: number; total: number; release: string; dataDate?: string | null; files: number; bytes: number; message: string };
      if (m?.type === 'nrd:offline-progress') setProgress({ status: 'copying', done: m.done, total: m.total });
      if (m?.type === 'nrd:offline-ready') setProgress({ status: 'ready', release: m.release, dataDate: m.dataDate ?? null, files: m.files, bytes: m.bytes });
      if (m?.type === 'nrd:offline-failed') setProgress({ status: 'failed', message: m.message });
      if (m?.type === 'nrd:offline-dropped') setProgress({ status: 'idle' });
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    ask('nrd:offline-status'); // a copy kept on an earlier visit
    const connection = browserConnection();
    const timer = setTimeout(async () => {
      const storage = await navigator.storage?.estimate?.().catch(() => undefined);
      if (copiesByItself(localStorage.getItem(OFFLINE_PREFERENCE), connection, storage, releaseBytes + APP_BYTES, handheld())) ask('nrd:keep-offline');
    }, START_AFTER_MS);
    return () => {
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener('message', onMessage);
    };
  }, [available, releaseBytes]);
  if (!available) return null;

  const keep = () => {
    localStorage.removeItem(OFFLINE_PREFERENCE);
    setProgress({ status: 'copying', done: 0, total: 0 });
    ask('nrd:keep-offline');
  };
  const drop = () => {
    localStorage.setItem(OFFLINE_PREFERENCE, 'off');
    ask('nrd:drop-offline');
  };

  return (
    <div className="offline-copy">
      {progress.status === 'copying' ? (
        <>
          <span role="status">
            {progress.total ? t('offline.savingFiles', { done: progress.done, total: progress.total }) : t('offline.saving')}
          </span>{' '}
          <button type="button" className="link-button" onClick={drop}>{t('offline.stop')}</button>
        </>
      ) : progress.status === 'ready' ? (
        <>
          <span role="status">
            {/* The date the header gives ("Data as of …"): one date on screen, not the build's too. */}
            {t('offline.ready', { date: formatDate(progress.dataDate ?? progress.release), context: dateContext(progress.dataDate ?? ''),
              count: progress.files, mb: formatNumber(progress.bytes / 1e6, 1) })}
          </span>{' '}
          <button type="button" className="link-button" onClick={drop}>{t('offline.remove')}</button>
        </>
      ) : (
        <>
          <button type="button" onClick={keep}>{t('offline.keep')}</button>
          {progress.status === 'failed' && (
            <span role="status"> {t('offline.failed', { message: progress.message })}</span>
          )}
        </>
      )}
    </div>
  );
}

/** A touch screen and no mouse or trackpad: a phone or a tablet. */
const handheld = () => matchMedia('(pointer: coarse)').matches && !matchMedia('(any-pointer: fine)').matches;

async function ask(type: 'nrd:offline-status' | 'nrd:keep-offline' | 'nrd:drop-offline') {
  const registration = await navigator.serviceWorker.ready;
  // The other engine bundle is 22 MB this browser will never run: the copy leaves it out.
  const skip = type === 'nrd:keep-offline' ? unusedEngineFiles() : [];
  registration.active?.postMessage({ type, base: new URL('./', document.baseURI).href, skip });
}
