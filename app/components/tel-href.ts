// A published phone as a link that dials it, extension included: the build writes
// "(256) 734-4688 ext. 3971", and a caller must not land on a switchboard with no way on. The
// extension follows a comma, the pause both phones' diallers honour, not RFC 3966's `;ext=`:
// Android's dials the letters of "ext" as keypad digits before the extension, and iOS's offers
// it behind an unmarked button (a person test's report; StackOverflow 9482633, as of 2021).

const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*(\d{1,6})\s*$/i;

/** `tel:+12567344688,3971`, or null when the text is not a US number one can dial. */
export function telHref(phone: string): string | null {
  const ext = EXTENSION.exec(phone);
  const digits = (ext ? phone.slice(0, ext.index) : phone).replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length !== 10) return null;
  return `tel:+1${national}${ext ? `,${ext[1]}` : ''}`;
}

/** The number and its extension (with the words before it), for a display that keeps the number on one line. */
export function phoneParts(phone: string): [number: string, extension: string] {
  const ext = EXTENSION.exec(phone);
  return ext ? [phone.slice(0, ext.index), phone.slice(ext.index)] : [phone, ''];
}
