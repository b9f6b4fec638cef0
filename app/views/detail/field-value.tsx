import { useTranslation } from 'react-i18next';
import { PhoneLink } from '../../components/phone-link.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import type { FieldKind } from '../../release/detail-fields.ts';

/** Only http(s) links are ever rendered as links; anything else stays inert text. */
export function SafeLink({ href, children }: { href: string; children?: React.ReactNode }) {
  if (!/^https?:\/\//i.test(href)) return <>{children ?? href}</>;
  return <a href={href} target="_blank" rel="noopener noreferrer nofollow">{children ?? href}</a>;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function FieldValue({ kind, value, names }: { kind: FieldKind; value: unknown; names?: string }) {
  const { t } = useTranslation();
  switch (kind) {
    // Lists and free text are the source's own words (programs, accreditations, missions): as published.
    case 'list': return <span translate="no">{(value as string[]).join(', ')}</span>;
    case 'phones': return <>{(value as string[]).map((p, i) => <span key={p}>{i > 0 && ', '}<PhoneLink phone={p} /></span>)}</>;
    case 'yesno': return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'number': return <>{typeof value === 'number' ? formatNumber(value) : String(value)}</>;
    case 'date': return <>{formatDate(value)}</>;
    case 'url': return <SafeLink href={String(value)} />;
    case 'level': return <>{t('detail.narrLevel', { level: ['I', 'II', 'III', 'IV'][Number(value) - 1] ?? String(value) })}</>;
    case 'hours': {
      const hours = value as Record<string, string | null>;
      return <>{DAYS.filter((d) => hours[d]).map((d) => `${t(`days.${d}`)} ${hours[d]}`).join(' · ') || t('detail.closed')}</>;
    }
    default: return names ? <>{t(`data.${names}.${String(value)}`, { defaultValue: String(value) })}</> : <span translate="no">{String(value)}</span>;
  }
}

export function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}
