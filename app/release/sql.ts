// A `sql` template tag: interpolated values become `?` parameters, never SQL text.
// Fragments nest, so queries are composed from small pieces with their parameters in order.

export interface Sql {
  text: string;
  params: unknown[];
}

const isSql = (v: unknown): v is Sql => typeof v === 'object' && v !== null && 'text' in v && 'params' in v;

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

/** Trusted SQL text (identifiers and expressions from this codebase, never user input). */
export function raw(text: string): Sql {
  return { text, params: [] };
}

export function join(parts: Sql[], separator: string): Sql {
  return {
    text: parts.map((p) => p.text).join(separator),
    params: parts.flatMap((p) => p.params),
  };
}

/** AND of the parts; TRUE when there are none. */
export function and(parts: Sql[]): Sql {
  return parts.length === 0 ? raw('TRUE') : join(parts.map((p) => sql`(${p})`), ' AND ');
}

/** OR of the parts; FALSE when there are none. */
export function or(parts: Sql[]): Sql {
  return parts.length === 0 ? raw('FALSE') : join(parts.map((p) => sql`(${p})`), ' OR ');
}

/** A LIKE pattern that matches `text` literally (%, _ and \ escaped; use with ESCAPE '\'). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
