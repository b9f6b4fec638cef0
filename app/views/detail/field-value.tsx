import { PhoneLink } from '../../components/phone-link.tsx';
import { nameOf } from '../../search/names.ts';
import type { FieldKind } from './fields.ts';

/** Only http(s) links are ever rendered as links; anything else stays inert text. */
export function SafeLink({ href, children }: { href: string; children?: React.ReactNode }) {
  if (!/^https?:\/\//i.test(href)) return <>{children ?? href}</>;
  return <a href={href} target="_blank" rel="noopener noreferrer nofollow">{children ?? href}</a>;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export function FieldValue({ kind, value, names }: { kind: FieldKind; value: unknown; names?: Record<string, string> }) {
  switch (kind) {
    case 'list': return <>{(value as string[]).join(', ')}</>;
    case 'phones': return <>{(value as string[]).map((p, i) => <span key={p}>{i > 0 && ', '}<PhoneLink phone={p} /></span>)}</>;
    case 'yesno': return <>{value ? 'Yes' : 'No'}</>;
    case 'date': return <>{value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)}</>;
    case 'url': return <SafeLink href={String(value)} />;
    case 'level': return <>Level {['I', 'II', 'III', 'IV'][Number(value) - 1] ?? String(value)}</>;
    case 'hours': {
      const hours = value as Record<string, string | null>;
      return <>{DAYS.filter((d) => hours[d]).map((d) => `${d[0].toUpperCase()}${d.slice(1, 3)} ${hours[d]}`).join(' · ') || 'Closed'}</>;
    }
    default: return <>{names ? nameOf(names, value) : String(value)}</>;
  }
}

export function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}
