import { phoneParts, telHref } from './tel-href.ts';

/**
 * A phone as published, a link that dials it when it can be dialled. With a label ("Call") the
 * number still shows: a person checks it, writes it down, or dials it from another phone.
 */
export function PhoneLink({ phone, label }: { phone: string; label?: string }) {
  const href = telHref(phone);
  if (!href) return <span translate="no">{phone}</span>;
  // A narrow column breaks the line before the extension, never inside the number ("(212) 555-" / "0121").
  const [number, extension] = phoneParts(phone);
  const digits = <span translate="no"><span className="phone-number">{number}</span>{extension}</span>;
  return <a href={href}>{label ? <>{label} {digits}</> : digits}</a>;
}
