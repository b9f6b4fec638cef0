// The search's results, all of them, in the table's order, as a file.
import { useTranslation } from 'react-i18next';
import { datedName, DownloadButtons } from '../../components/download-buttons.tsx';
import type { ExportFormat } from '../../db/engine.ts';
import { useDatabase } from '../../db/use-database.ts';
import { stateName } from '../../search/place-in-text.ts';
import { categoriesOf, exportQuery, serviceCodesQuery, type ResolvedSearch } from '../../search/queries.ts';
import type { Sort } from '../../search/state.ts';

export function ExportButtons({ search, sort, formats }: { search: ResolvedSearch; sort: Sort; formats?: readonly ExportFormat[] }) {
  const { t } = useTranslation();
  const database = useDatabase();
  if (database.status !== 'ready') return null;
  const { state, near, inState } = search;
  // e.g. recovery-support-cambridge-ma-02139-10mi-2026-11-25, recovery-support-ohio-2026-12-03
  const where = near ? `${near.label}-${state.radius}mi` : inState ? stateName(inState) : 'whole-country';
  const name = datedName(`recovery-support-${where}${state.text ? `-${state.text}` : ''}`);
  return (
    <DownloadButtons label={t('results.download')} fileName={name} formats={formats} write={async (format) => {
      const { engine, manifest } = database.db;
      // The services' columns are the release's categories (the details' cache has them once an organization was opened).
      const codes = serviceCodesQuery();
      const categories = categoriesOf(await engine.query<{ category_code: string; category_name: string }>(codes.text, codes.params));
      const q = exportQuery(search, { sort: sort.key, desc: sort.desc }, categories, manifest.generated_records > 0);
      return engine.copyTo(q.text, q.params, format);
    }} />
  );
}
