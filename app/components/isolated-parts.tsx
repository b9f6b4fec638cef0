// Text from the sources, shown as separate parts: each in its own <bdi>, so a right-to-left
// override (U+202E) in one name or street cannot reverse the parts or words around it. The
// build strips such characters; this holds for any that get through (issue 12, item 15).
import { Fragment } from 'react';

export function IsolatedParts({ parts, separator = ', ' }: { parts: unknown[]; separator?: string }) {
  const present = parts.filter((p) => p !== null && p !== undefined && p !== '').map(String);
  return <>{present.map((part, i) => <Fragment key={i}>{i > 0 && separator}<bdi>{part}</bdi></Fragment>)}</>;
}
