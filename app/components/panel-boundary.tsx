// Keeps a panel's failure inside the panel: a chunk that cannot be loaded (a flaky network,
// a host that lost a file) or a render error shows a message there, and the rest of the page
// goes on working.
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the person loses, e.g. "The map". */
  what: string;
  /** Where the same information is still available, e.g. "the list has every result". */
  instead: string;
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
        <p>{this.props.what} could not be loaded ({this.state.error.message}); {this.props.instead}.</p>
      </div>
    );
  }
}
