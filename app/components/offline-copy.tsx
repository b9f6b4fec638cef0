// "Keep the directory on this device": asks the service worker (public/sw.js) for a complete
// copy of this release, then the whole app works with the network cut.
import { useEffect, useState } from 'react';

type Progress =
  | { status: 'idle' }
  | { status: 'copying'; done: number; total: number }
  | { status: 'ready'; files: number; bytes: number }
  | { status: 'failed'; message: string };

export function OfflineCopy() {
  const [progress, setProgress] = useState<Progress>({ status: 'idle' });
  const available = 'serviceWorker' in navigator && import.meta.env.PROD;
  useEffect(() => {
    if (!available) return;
    const onMessage = (event: MessageEvent) => {
      const m = event.data as { type?: string; done: number; total: number; files: number; bytes: number; message: string };
      if (m?.type === 'nrd:offline-progress') setProgress({ status: 'copying', done: m.done, total: m.total });
      if (m?.type === 'nrd:offline-ready') setProgress({ status: 'ready', files: m.files, bytes: m.bytes });
      if (m?.type === 'nrd:offline-failed') setProgress({ status: 'failed', message: m.message });
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    return () => navigator.serviceWorker.removeEventListener('message', onMessage);
  }, [available]);
  if (!available) return null;

  const keep = async () => {
    setProgress({ status: 'copying', done: 0, total: 0 });
    const registration = await navigator.serviceWorker.ready;
    registration.active?.postMessage({ type: 'nrd:keep-offline', base: new URL('./', document.baseURI).href });
  };

  return (
    <div className="offline-copy">
      <button type="button" onClick={keep} disabled={progress.status === 'copying'}>Keep the directory on this device for offline use</button>
      <span role="status">
        {progress.status === 'copying' && (progress.total ? ` Copying ${progress.done} of ${progress.total} files…` : ' Starting…')}
        {progress.status === 'ready' && ` Ready offline: ${progress.files} files, ${(progress.bytes / 1e6).toFixed(1)} MB.`}
        {progress.status === 'failed' && ` The copy failed (${progress.message}); the previous copy, if any, is unchanged.`}
      </span>
    </div>
  );
}
