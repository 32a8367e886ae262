/**
 * Catches render errors below it and shows them in place, with a button that re-mounts the
 * children ("reload this lesson"), so a bug in one widget never blanks the page or loses the
 * student's place. React only supports error boundaries as class components.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What is being guarded, for the message: "this lesson", "ConvLab". */
  readonly label: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
  /** Bumped on retry so the children mount afresh rather than reusing broken state. */
  readonly attempt: number;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Keep the stack available to developers; the panel shows the message to everyone.
    console.warn(`ConvLab: ${this.props.label} failed to render`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <div key={attempt}>{this.props.children}</div>;
    return (
      <div className="panel panel--error" role="alert">
        <h2>Something went wrong in {this.props.label}</h2>
        <p>The rest of ConvLab still works. The error was:</p>
        <pre className="error-message">{error.message}</pre>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={this.retry}>
            Reload {this.props.label === 'ConvLab' ? 'the page' : this.props.label}
          </button>
          <a className="button" href="#/">
            Back to the outline
          </a>
        </div>
      </div>
    );
  }
}
