import { phoneParts, telHref } from './tel-href.ts';

/** A phone as published, a link that dials it when it can be dialled. */
export function PhoneLink({ phone, label }: { phone: string; label?: string }) {
  const href = telHref(phone);
  if (!href) return <span translate="no">{phone}</span>;
  // A narrow column breaks the line before the extension, never inside the number ("(212) 555-" / "0121").
  const [number, extension] = phoneParts(phone);
  return <a href={href} translate={label ? undefined : 'no'} aria-label={label ? `${label} ${phone}` : undefined}>
    {label ?? <><span className="phone-number">{number}</span>{extension}</>}
  </a>;
}
