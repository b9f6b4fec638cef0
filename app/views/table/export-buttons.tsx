// Download the results as CSV, JSON or Parquet, in the table's order: the engine writes the
// file in the browser (COPY … TO an in-memory file); nothing leaves the machine but the download.
import { useState } from 'react';
import { QueryFailed } from '../../components/query-failed.tsx';
import type { ExportFormat } from '../../db/engine.ts';
import { useDatabase } from '../../db/use-database.ts';
import { resultsQuery, type ResolvedSearch, type SortKey } from '../../search/queries.ts';

const TYPES: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json', parquet: 'application/vnd.apache.parquet' };

interface Props {
  search: ResolvedSearch;
  sort: { key: SortKey; desc: boolean };
}

export function ExportButtons({ search, sort }: Props) {
  const database = useDatabase();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<(Error & { sql?: string }) | null>(null);
  if (database.status !== 'ready') return null;

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const q = resultsQuery(search, { sort: sort.key, desc: sort.desc });
      const bytes = await database.db.engine.copyTo(q.text, q.params, format);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: TYPES[format] }));
      link.download = `${fileName(search)}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-buttons">
      <span>Download these results:</span>
      {(['csv', 'json', 'parquet'] as const).map((format) => (
        <button key={format} type="button" disabled={busy !== null} onClick={() => download(format)}>
          {busy === format ? 'Preparing…' : format.toUpperCase()}
        </button>
      ))}
      {error && <QueryFailed error={error} />}
    </div>
  );
}

/** e.g. `recovery-support-cambridge-ma-02139-10mi-2026-11-25`, or `…-whole-country-…`. */
export function fileName({ state, near }: ResolvedSearch): string {
  const where = near ? `${near.label}-${state.radius}mi` : 'whole-country';
  const slug = `recovery-support-${where}${state.text ? `-${state.text}` : ''}`.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return `${slug}-${new Date().toISOString().slice(0, 10)}`;
}
