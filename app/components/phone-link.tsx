import { telHref } from './tel-href.ts';

/** A phone as published, a link that dials it when it can be dialled. */
export function PhoneLink({ phone, label }: { phone: string; label?: string }) {
  const href = telHref(phone);
  if (!href) return <span translate="no">{phone}</span>;
  return <a href={href} translate={label ? undefined : 'no'} aria-label={label ? `${label} ${phone}` : undefined}>{label ?? phone}</a>;
}
