// How the alternatives paint their first results: a plain table of the first rows, marked
// `data-bench-row` so the runner sees the same moment it sees in the directory's own table.
export interface ListedRow {
  name: string;
  org_type: string;
  city: string | null;
  state: string;
  phone: string | null;
}

export function paintFirstPage(rows: ListedRow[], total: number) {
  const table = document.createElement('table');
  table.createCaption().textContent = `${total.toLocaleString('en-US')} results`;
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.benchRow = '';
    for (const text of [row.name, row.org_type, [row.city, row.state].filter(Boolean).join(', '), row.phone ?? '']) {
      tr.insertCell().textContent = text;
    }
  }
  document.body.replaceChildren(table);
}

/** The search a cold-start URL asks for: `?where=ZIP&r=MILES`, or the national list. */
export function searchFromLocation(): { zip: string; miles: number } | null {
  const params = new URLSearchParams(location.search);
  const zip = params.get('where');
  return zip ? { zip, miles: Number(params.get('r') ?? 25) } : null;
}
