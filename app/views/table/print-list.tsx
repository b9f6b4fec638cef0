// What a printer gets: every result (up to PRINT_LIMIT) with its address and phone, not the
// ~20 rows the virtual table has drawn. Hidden on screen; fetched when printing starts (the
// print media query or `beforeprint`) or when "Print this list" is pressed, which prints once the rows are in.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, milesText } from '../../i18n/format.ts';
import { useQuery } from '../../db/use-query.ts';
import { resultsQuery, type ResolvedSearch } from '../../search/queries.ts';
import type { ResultRow } from './use-paged-rows.ts';

/** Enough for any printed list a person would carry; past it the page says how to get the rest. */
export const PRINT_LIMIT = 2000;

export function PrintList({ search, total }: { search: ResolvedSearch; total: number }) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(() => window.matchMedia('print').matches);
  const [printWhenReady, setPrintWhenReady] = useState(false);
  useEffect(() => {
    const want = () => setWanted(true);
    const media = window.matchMedia('print');
    media.addEventListener('change', want);
    window.addEventListener('beforeprint', want);
    return () => {
      media.removeEventListener('change', want);
      window.removeEventListener('beforeprint', want);
    };
  }, []);
  const rows = useQuery<ResultRow>(wanted ? resultsQuery(search, { limit: PRINT_LIMIT, sort: 'relevance' }) : null);
  const ready = rows.status === 'done';
  useEffect(() => {
    if (ready && printWhenReady) {
      setPrintWhenReady(false);
      window.print();
    }
  }, [ready, printWhenReady]);

  return (
    <>
      <p className="print-button">
        <button type="button" onClick={() => { setWanted(true); setPrintWhenReady(true); }}>{t('print.button')}</button>
      </p>
      <section className="print-list" aria-hidden="true" data-rows={ready ? rows.rows.length : ''}>
        {ready && (
          <>
            <ol>
              {rows.rows.map((r) => (
                <li key={r.org_id} data-org-id={r.org_id}>
                  <strong translate="no">{r.name}</strong> ({t(`data.orgType.${r.org_type}`)})
                  {r.distance_miles !== null && `, ${milesText(t, r.distance_miles, r.geo_precision)}`}<br />
                  <span translate="no">{[r.address_line1, r.city, [r.state, r.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</span>
                  {r.phone && <> · <span translate="no">{r.phone}</span></>}
                </li>
              ))}
            </ol>
            {total > rows.rows.length && <p>{t('print.firstOf', { shown: formatNumber(rows.rows.length), total: formatNumber(total) })}</p>}
          </>
        )}
      </section>
    </>
  );
}
