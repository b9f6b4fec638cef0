// One pass over a source file that splits it into its header and its records, so neither
// DuckDB nor Node ever holds the whole document: read_json's maximum_object_size is a 32-bit
// count (a ×100 file is 5.8 GB), and reading the document as one value took about 8× its size
// in memory. The pass copies the bytes of the record array (from its "[" to its "]") to a
// file DuckDB reads element by element (read_json_objects, format 'array'), writes the rest
// with "[]" in the array's place (the header, read as before), and hashes the file on the way.
// It only tracks strings and nesting; validating is left to DuckDB, and a file whose shape it
// does not recognise (no object, no array under the key, cut short) comes back unsplit, so the
// caller reads it whole and reports the fault as before.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export interface SplitSource {
  /** The whole file's, read on the way. */
  sha256: string;
  /** Where the record array was, or null when the file does not have the expected shape. */
  split: { header: string; records: string } | null;
}

const [QUOTE, BACKSLASH, COMMA, COLON] = [0x22, 0x5c, 0x2c, 0x3a];
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = [0x7b, 0x7d, 0x5b, 0x5d];
const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Splits `path` around its top-level `key` array into the files `header` and `records`. */
export function splitSource(path: string, key: string, header: string, records: string, chunkBytes = 1 << 22): SplitSource {
  const hash = createHash('sha256');
  const input = openSync(path, 'r');
  const out = openSync(records, 'w');
  const headerParts: Buffer[] = [];
  let arrayStart = -1; // absolute offsets of the array's "[" and "]"
  let arrayEnd = -1;
  let trailingComma = -1; // a comma after the last record (DuckDB reads the document with one, not the array)
  let depth = 0;
  let inString = false;
  let escaped = false; // the last byte of the previous chunk was a backslash inside a string
  let firstByte = true;
  let shapeOk = true;
  let keyParts: Buffer[] | null = null; // the top-level key being read, and where it began in this chunk
  let keyFrom = 0;
  let expectKey = false;
  let lastKey: string | null = null;
  let valueOf: string | null = null; // the top-level key whose value comes next
  try {
    const buffer = Buffer.alloc(chunkBytes); // small in tests, so that every case crosses a chunk's end
    let base = 0;
    for (let n; (n = readSync(input, buffer, 0, buffer.length, null)) > 0; base += n) {
      const view = buffer.subarray(0, n);
      hash.update(view);
      let nextBackslash = view.indexOf(BACKSLASH); // the next one at or after where it was sought; -1: no more
      let i = 0;
      while (i < n) {
        if (inString) {
          if (escaped) { escaped = false; i++; continue; }
          const q = view.indexOf(QUOTE, i);
          if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = view.indexOf(BACKSLASH, i);
          if (nextBackslash !== -1 && (q === -1 || nextBackslash < q)) {
            // An escape: skip the byte after the backslash, in this chunk or the next.
            if (nextBackslash + 1 >= n) escaped = true;
            i = nextBackslash + 2;
            continue;
          }
          if (q === -1) {
            i = n;
            continue;
          }
          if (keyParts) {
            keyParts.push(Buffer.from(view.subarray(keyFrom, q)));
            lastKey = Buffer.concat(keyParts).toString('utf8');
            keyParts = null;
          }
          inString = false;
          i = q + 1;
          continue;
        }
        const b = view[i];
        if (isWhite(b)) { i++; continue; }
        if (firstByte) {
          firstByte = false;
          if (b !== OPEN_OBJECT) {
            shapeOk = false;
            break;
          }
        }
        if (depth === 2 && arrayEnd < 0 && arrayStart >= 0) {
          // Directly inside the record array: a comma, its end, or a record starting.
          if (b === COMMA) trailingComma = base + i;
          else if (b !== CLOSE_ARRAY) trailingComma = -1;
        }
        if (depth === 1 && valueOf !== null) {
          // The first byte of a top-level value.
          if (valueOf === key && b === OPEN_ARRAY && arrayStart < 0) arrayStart = base + i;
          valueOf = null;
        }
        if (b === QUOTE) {
          inString = true;
          if (depth === 1 && expectKey) {
            keyParts = [];
            keyFrom = i + 1;
            expectKey = false;
          }
          i++;
          continue;
        }
        if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
          depth++;
          if (depth === 1) expectKey = true;
        } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
          depth--;
          if (depth === 1 && arrayStart >= 0 && arrayEnd < 0) arrayEnd = base + i;
          if (depth < 0) { shapeOk = false; break; }
        } else if (depth === 1 && b === COMMA) {
          expectKey = true;
        } else if (depth === 1 && b === COLON) {
          valueOf = lastKey?.includes('\\') ? parseKey(lastKey) : lastKey;
          lastKey = null;
        }
        i++;
      }
      if (!shapeOk) {
        for (let m; (m = readSync(input, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, m));
        break;
      }
      if (keyParts) { // a key that goes on in the next chunk
        keyParts.push(Buffer.from(view.subarray(Math.min(keyFrom, n), n)));
        keyFrom = 0;
      }
      // This chunk's bytes: the array's go to the records file, the rest to the header.
      const clamp = (at: number) => Math.min(n, Math.max(0, at - base));
      const from = arrayStart < 0 ? n : clamp(arrayStart);
      const to = arrayStart < 0 ? n : arrayEnd < 0 ? n : clamp(arrayEnd + 1);
      if (from > 0) headerParts.push(Buffer.from(view.subarray(0, from)));
      if (arrayStart >= base && arrayStart < base + n) headerParts.push(Buffer.from('[]'));
      if (to > from) writeSync(out, view, from, to - from);
      if (to < n) headerParts.push(Buffer.from(view.subarray(to, n)));
    }
    if (shapeOk && arrayEnd >= 0 && trailingComma >= 0) writeSync(out, Buffer.from(' '), 0, 1, trailingComma - arrayStart);
  } finally {
    closeSync(input);
    closeSync(out);
  }
  const sha256 = hash.digest('hex');
  if (!shapeOk || inString || depth !== 0 || arrayStart < 0 || arrayEnd < 0) return { sha256, split: null };
  const headerFd = openSync(header, 'w');
  try {
    for (const part of headerParts) writeSync(headerFd, part);
  } finally {
    closeSync(headerFd);
  }
  return { sha256, split: { header, records } };
}

/** A key written with escapes ("all\u005ffacilities"): what it says, or itself when it is not valid. */
function parseKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
