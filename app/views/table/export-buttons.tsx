// The search's results, all of them, in the table's order, as a file.
import { datedName, DownloadButtons } from '../../components/download-buttons.tsx';
import { useDatabase } from '../../db/use-database.ts';
import { exportQuery, type ResolvedSearch } from '../../search/queries.ts';
import type { Sort } from '../../search/state.ts';

export function ExportButtons({ search, sort }: { search: ResolvedSearch; sort: Sort }) {
  const database = useDatabase();
  if (database.status !== 'ready') return null;
  const { state, near } = search;
  // e.g. recovery-support-cambridge-ma-02139-10mi-2026-11-25
  const name = datedName(`recovery-support-${near ? `${near.label}-${state.radius}mi` : 'whole-country'}${state.text ? `-${state.text}` : ''}`);
  return (
    <DownloadButtons label="Download these results:" fileName={name} write={(format) => {
      const q = exportQuery(search, { sort: sort.key, desc: sort.desc });
      return database.db.engine.copyTo(q.text, q.params, format);
    }} />
  );
}
