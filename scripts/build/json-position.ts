// Where in a JSON file a fault is, for messages a person can act on. DuckDB counts bytes from
// the start of the value it was reading (a fault in a second top-level value came out as
// "line 1, column 2"), and JSON.parse cannot hold a 578 MB file in one string. So: one
// streaming pass over the bytes, run only once a file has failed, that validates JSON as
// DuckDB reads it (RFC 8259 plus trailing commas and NaN/Infinity, as its yyjson is set up)
// and notes where each top-level key starts. Columns count characters (code points), not bytes.
import { closeSync, openSync, readSync } from 'node:fs';

export interface Position {
  line: number;
  column: number;
  /** 0-based offset in the file. */
  byte: number;
}

export interface JsonScan {
  /** The first place the file stops being JSON. */
  fault?: Position & { message: string };
  /** Every key of the first top-level object, in file order, duplicates included. */
  topKeys: (Position & { key: string })[];
}

// What the grammar expects next, outside strings and scalars.
type Expect = 'value' | 'value or ]' | 'key or }' | ':' | ', or end' | 'another value';

const SCALAR = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null|-?([nN][aA][nN]|[iI][nN][fF]([iI][nN][iI][tT][yY])?))$/;
const SCALAR_START = /[-0-9tfnNiI]/;
const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isScalarByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2b || b === 0x2d || b === 0x2e;

export function scanJson(path: string): JsonScan {
  const topKeys: JsonScan['topKeys'] = [];
  const stack: number[] = []; // 0x7b for an object, 0x5b for an array
  let expect: Expect = 'value';
  let values = 0; // top-level values completed
  let line = 1;
  let column = 0;
  let byte = -1;
  // Set inside step() too, hence the casts (TypeScript would narrow them to null for good).
  let quoted = null as { start: Position; isKey: boolean; bytes: number[] | null; escape: number } | null;
  let scalar = null as { start: Position; text: string } | null;

  const here = (): Position => ({ line, column, byte });
  const fail = (message: string, at: Position = here()): JsonScan => ({ fault: { ...at, message }, topKeys });
  const valueDone = () => {
    if (stack.length > 0) expect = ', or end';
    else { values++; expect = 'another value'; }
  };
  /** The scalar just ended: a fault at its first character, or nothing. */
  const endScalar = (): JsonScan | null => {
    const { text, start } = scalar!;
    scalar = null;
    if (!SCALAR.test(text)) return fail(`"${text.slice(0, 20)}" is not a number, true, false, null, NaN or Infinity`, start);
    valueDone();
    return null;
  };

  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      for (let i = 0; i < n; i++) {
        const b = buffer[i];
        byte++;
        if ((b & 0xc0) !== 0x80) column++; // a continuation byte is part of the same character
        if (quoted) {
          quoted.bytes?.push(b);
          if (quoted.escape > 1) {
            if (!/[0-9a-fA-F]/.test(String.fromCharCode(b))) return fail('\\u must be followed by four hex digits');
            quoted.escape--;
            if (quoted.escape === 1) quoted.escape = 0;
          } else if (quoted.escape === 1) {
            if (b === 0x75) quoted.escape = 5; // \uXXXX: four digits to go
            else if ('"\\/bfnrt'.includes(String.fromCharCode(b))) quoted.escape = 0;
            else return fail(`"\\${String.fromCharCode(b)}" is not an escape JSON knows`);
          } else if (b === 0x5c) quoted.escape = 1;
          else if (b < 0x20) return fail('a control character (such as a line break) inside a string');
          else if (b === 0x22) {
            const { isKey, bytes, start } = quoted;
            quoted = null;
            if (bytes) topKeys.push({ ...start, key: JSON.parse(Buffer.from(bytes).toString('utf8')) as string });
            if (isKey) expect = ':';
            else valueDone();
          }
          continue;
        }
        if (scalar) {
          if (isScalarByte(b)) { scalar.text += String.fromCharCode(b); continue; }
          const fault = endScalar();
          if (fault) return fault;
        }
        if (b === 0x0a) { line++; column = 0; continue; }
        if (isWhite(b)) continue;
        const problem = step(b);
        if (problem) return fail(problem);
      }
    }
  } finally {
    closeSync(fd);
  }
  if (scalar) {
    const fault = endScalar();
    if (fault) return fault;
  }
  if (quoted || stack.length > 0 || values === 0) return fail('the file ends before the JSON value does');
  return { topKeys };

  /** One structural byte; returns what is wrong with it, if anything. */
  function step(b: number): string | null {
    const c = b < 0x80 ? JSON.stringify(String.fromCharCode(b)) : 'a non-ASCII character';
    switch (expect) {
      case 'value': case 'value or ]': case 'another value':
        if (b === 0x5d && expect === 'value or ]') { stack.pop(); valueDone(); return null; }
        if (b === 0x7b) { stack.push(b); expect = 'key or }'; return null; }
        if (b === 0x5b) { stack.push(b); expect = 'value or ]'; return null; }
        if (b === 0x22) { quoted = { start: here(), isKey: false, bytes: null, escape: 0 }; return null; }
        if (SCALAR_START.test(String.fromCharCode(b))) {
          scalar = { start: here(), text: String.fromCharCode(b) };
          return null;
        }
        return `expected a value, found ${c}`;
      case 'key or }':
        if (b === 0x7d) { stack.pop(); valueDone(); return null; }
        if (b === 0x22) {
          const top = stack.length === 1 && values === 0;
          quoted = { start: here(), isKey: true, bytes: top ? [b] : null, escape: 0 };
          return null;
        }
        return `expected a key in double quotes, found ${c}`;
      case ':':
        if (b === 0x3a) { expect = 'value'; return null; }
        return `expected ":" after a key, found ${c}`;
      case ', or end': {
        const open = stack.at(-1);
        if (b === 0x2c) { expect = open === 0x7b ? 'key or }' : 'value or ]'; return null; } // a trailing comma is fine
        if ((b === 0x7d && open === 0x7b) || (b === 0x5d && open === 0x5b)) { stack.pop(); valueDone(); return null; }
        return `expected "," or "${open === 0x7b ? '}' : ']'}", found ${c}`;
      }
    }
  }
}
