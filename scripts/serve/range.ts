// Which bytes a `Range` header asks for (RFC 9110 §14). One range is served; a header this
// server does not serve (several ranges, another unit, a malformed or backwards range) is
// ignored, as §14.2 allows, and the whole file goes out with 200.
export interface ByteRange {
  start: number;
  end: number;
}

export function requestedRange(header: string | undefined, size: number): ByteRange | 'whole' | 'unsatisfiable' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (!m[1] && !m[2])) return 'whole';
  if (!m[1]) {
    // A suffix longer than the file asks for all of it (§14.1.2); only a zero suffix, or any
    // suffix of an empty file, selects nothing.
    const suffix = Number(m[2]);
    return suffix > 0 && size > 0 ? { start: Math.max(0, size - suffix), end: size - 1 } : 'unsatisfiable';
  }
  const start = Number(m[1]);
  const last = m[2] ? Number(m[2]) : Infinity;
  if (last < start) return 'whole';
  return start < size ? { start, end: Math.min(last, size - 1) } : 'unsatisfiable';
}
