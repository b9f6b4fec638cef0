// The embed's side of the postMessage API (see search/embed.ts and the README): it tells the
// host page its height and the selected organization, and takes a search from the host.
import { useEffect, useRef } from 'react';
import { searchFromMessage, trustedSender, type EmbedMessage } from '../search/embed.ts';
import type { EmbedConfig } from '../search/url.ts';
import type { SearchState } from '../search/state.ts';

export function useEmbedMessages(config: EmbedConfig, state: SearchState, navigate: (next: SearchState) => void) {
  const current = useRef(state);
  current.current = state;
  const active = config.embed && window.parent !== window;

  const post = (message: EmbedMessage) => {
    // With allowed origins, only they can read what is posted; else the page that embeds us.
    for (const target of config.origins.length ? config.origins : ['*']) window.parent.postMessage(message, target);
  };

  useEffect(() => {
    if (!active) return;
    const root = document.getElementById('root')!;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height !== last) post({ type: 'nrd:height', height: (last = height) });
    });
    observer.observe(root);
    const onMessage = (event: MessageEvent) => {
      if (!trustedSender(event.origin, event.source === window.parent, config)) return;
      const next = searchFromMessage(event.data, current.current, config.locked);
      if (next) navigate(next);
    };
    window.addEventListener('message', onMessage);
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onMessage);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the configuration is fixed for the page's life, and post and navigate act the same on every render
  }, [active]);

  useEffect(() => {
    if (active) post({ type: 'nrd:select', orgId: state.selected });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- post only wraps window.parent.postMessage with the fixed origins
  }, [active, state.selected]);
}
