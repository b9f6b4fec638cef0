// "Embed this search": the iframe snippet for the search on screen, with the parts the site
// owner wants fixed. The snippet is made by search/embed.ts; nothing is sent anywhere.
import { useState } from 'react';
import { embedSnippet } from '../search/embed.ts';
import { FILTER_GROUP_BY_ID } from '../search/filters.ts';
import type { SearchState } from '../search/state.ts';

export function EmbedThisSearch({ state }: { state: SearchState }) {
  const [locked, setLocked] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const lockable = [
    ...(state.where || state.at ? [['where', 'the place and radius']] : []),
    ...(state.types.length ? [['type', 'the types']] : []),
    ...Object.keys(state.filters).map((id) => [id, FILTER_GROUP_BY_ID.get(id)!.label.toLowerCase()]),
  ];
  const appUrl = new URL('./', document.baseURI).href;
  const snippet = embedSnippet(appUrl, state, locked.filter((id) => lockable.some(([l]) => l === id)));

  return (
    <details className="embed-this">
      <summary>Embed this search on your site</summary>
      <p>Paste this into your page. Visitors see this search and can change what you do not lock.
        The directory runs in their browser and tells nobody what they look for.</p>
      {lockable.length > 0 && (
        <fieldset>
          <legend>Lock</legend>
          {lockable.map(([id, label]) => (
            <label key={id} className="choice">
              <input type="checkbox" checked={locked.includes(id)}
                onChange={() => setLocked((l) => (l.includes(id) ? l.filter((x) => x !== id) : [...l, id]))} />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <textarea readOnly rows={10} value={snippet} aria-label="Embed code" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => navigator.clipboard?.writeText(snippet).then(() => setCopied(true))}>
        {copied ? 'Copied' : 'Copy the code'}
      </button>
    </details>
  );
}
