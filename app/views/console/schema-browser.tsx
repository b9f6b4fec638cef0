// Every table and view of the release with its rows (from the manifest); opening one asks the
// engine to DESCRIBE it, so the columns and types shown are the ones a query will see (the
// manifest's list stands in until the answer comes). A click puts a name into the editor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { quoteIdent } from '../../release/sql-text.ts';
import type { Manifest } from '../../release/manifest.ts';
import { useQuery } from '../../db/use-query.ts';
import { raw } from '../../release/sql.ts';

type Insert = (text: string) => void;

export function SchemaBrowser({ manifest, onInsert }: { manifest: Manifest; onInsert: Insert }) {
  const { t } = useTranslation();
  return (
    <nav className="schema-browser" aria-label={t('console.tables')} translate="no">
      <h2 translate="yes">{t('console.tables')}</h2>
      <ul>
        {Object.entries(manifest.tables).map(([name, table]) => (
          <TableEntry key={name} name={name} rows={table.rows} listed={table.columns} onInsert={onInsert} />
        ))}
      </ul>
    </nav>
  );
}

interface Column { name: string; type: string }

function TableEntry({ name, rows, listed, onInsert }: { name: string; rows: number; listed: Column[]; onInsert: Insert }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const described = useQuery<{ column_name: string; column_type: string }>(open ? raw(`DESCRIBE ${quoteIdent(name)}`) : null);
  const columns = described.status === 'done' ? described.rows.map((r) => ({ name: r.column_name, type: r.column_type })) : listed;
  return (
    <li>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <button type="button" className="link-button" onClick={() => onInsert(name)}>{name}</button>
          {' '}<span className="muted" translate="yes">{t('console.tableRows', { count: rows, rows: formatNumber(rows) })}</span>
        </summary>
        <ul data-described={described.status === 'done' || undefined}>
          {columns.map((c) => (
            <li key={c.name}>
              <button type="button" className="link-button" onClick={() => onInsert(c.name)}>{c.name}</button>
              {' '}<span className="muted">{c.type}</span>
            </li>
          ))}
        </ul>
        {described.status === 'failed' && <p className="muted">{t('console.describeFailed', { message: described.error.message })}</p>}
      </details>
    </li>
  );
}
