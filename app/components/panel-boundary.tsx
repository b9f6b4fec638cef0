// Keeps a panel's failure inside the panel: a chunk that cannot be loaded (a flaky network,
// a host that lost a file) or a render error shows a message there, and the rest of the page
// goes on working.
import { Component, type ReactNode } from 'react';

interface Props {
  /** The whole sentence, in the page's language: what the person loses and where the same is still available. */
  failed: (message: string) => string;
  children: ReactNode;
}

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="query-failed">
        <p>{this.props.failed(this.state.error.message)}</p>
      </div>
    );
  }
}
