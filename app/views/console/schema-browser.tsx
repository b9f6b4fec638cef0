// Every table and view of the release with its columns, types and rows (from the manifest);
// a click puts the name into the editor.
import type { Manifest } from '../../db/manifest.ts';

export function SchemaBrowser({ manifest, onInsert }: { manifest: Manifest; onInsert: (text: string) => void }) {
  return (
    <nav className="schema-browser" aria-label="Tables">
      <h3>Tables</h3>
      <ul>
        {Object.entries(manifest.tables).map(([name, table]) => (
          <li key={name}>
            <details>
              <summary>
                <button type="button" className="link-button" onClick={() => onInsert(name)}>{name}</button>
                {' '}<span className="muted">{table.rows.toLocaleString('en-US')} rows</span>
              </summary>
              <ul>
                {table.columns.map((c) => (
                  <li key={c.name}>
                    <button type="button" className="link-button" onClick={() => onInsert(c.name)}>{c.name}</button>
                    {' '}<span className="muted">{c.type}</span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </nav>
  );
}
