// CSV / JSON / Parquet buttons: the engine writes the file in the browser (Engine.copyTo) and
// the browser saves it; nothing leaves the machine but the download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asQueryError, type ExportFormat, type QueryError } from '../db/engine.ts';
import { QueryFailed } from './query-failed.tsx';

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const TYPES: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json', parquet: 'application/vnd.apache.parquet' };

interface Props {
  label: string;
  /** Without the extension. */
  fileName: string;
  write: (format: ExportFormat) => Promise<Uint8Array>;
  formats?: readonly ExportFormat[];
}

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'parquet'];

export function DownloadButtons({ label, fileName, write, formats = FORMATS }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<QueryError | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const bytes = await write(format);
      const link = document.createElement('a');
      // A CSV starts with UTF-8's byte order mark: without it Excel reads the file in the machine's
      // own code page, and "Campral®" (149 rows of SAMHSA's services) came out as "CampralÂ®".
      const parts: BlobPart[] = format === 'csv' ? [UTF8_BOM, bytes as BlobPart] : [bytes as BlobPart];
      link.href = URL.createObjectURL(new Blob(parts, { type: TYPES[format] }));
      link.download = `${fileName}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (e) {
      setError(asQueryError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-buttons">
      <span>{label}</span>
      {formats.map((format) => (
        <button key={format} type="button" disabled={busy !== null} onClick={() => download(format)}>
          {busy === format ? t('download.preparing') : format.toUpperCase()}
        </button>
      ))}
      {error && <QueryFailed error={error} />}
    </div>
  );
}

/** `slug-2026-11-25`: lower case, dashes, no more than 80 characters before the date. */
export function datedName(words: string): string {
  const slug = words.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return `${slug}-${new Date().toISOString().slice(0, 10)}`;
}
