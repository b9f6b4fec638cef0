// Whether this visit is on a connection where a large download the person did not ask for costs
// them: Save-Data, a cellular network, or a slow one, as the browser says (Chrome on Android says
// all three; most browsers say nothing, and then it is not). Two downloads ask: the offline copy
// (components/offline-copy.tsx) and the in-memory copies of the searched states' rows (database.ts).

/** What `navigator.connection` may say (the Network Information API). */
export interface Connection { saveData?: boolean; type?: string; effectiveType?: string }

export function metered(connection: Connection | undefined): boolean {
  return Boolean(connection?.saveData) || connection?.type === 'cellular'
    || ['slow-2g', '2g', '3g'].includes(connection?.effectiveType ?? '');
}

/** This browser's connection, if it says. */
export const browserConnection = (): Connection | undefined => (navigator as { connection?: Connection }).connection;
