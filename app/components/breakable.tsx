// A file or table name that may break after its underscores, dots, dashes and slashes
// ("treatment_ centers_ master.json"), and nowhere else: allowed to break anywhere, a phone's
// table broke it letter by letter, one letter a line (a person test).
import { Fragment } from 'react';

export function Breakable({ text }: { text: string }) {
  return text.split(/(?<=[_./-])/).map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>);
}
