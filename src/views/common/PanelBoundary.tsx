/**
 * A failing panel is a message, not a blank page: each panel of the lab sits in one of
 * these. It names what failed and why, offers to reset that panel (a fresh mount, its own
 * state forgotten), and leaves the rest of the lab working. A new `resetKey` (other data)
 * clears it by itself.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface PanelBoundaryProps {
  /** What the panel is, for the message: "The solve explorer". */
  name: string;
  children: ReactNode;
  /** When this changes, a failed panel tries again. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  /** Bumped by Reset: the children mount afresh. */
  generation: number;
  resetKey: unknown;
}

/**
 * Test seam: end-to-end tests make one named panel fail (window.__mfLabFail = name, set
 * before the page loads) to check that the rest of the lab keeps working.
 */
function FailPoint({ name }: { name: string }) {
  if (typeof window !== 'undefined' && (window as { __mfLabFail?: string }).__mfLabFail === name)
    throw new Error(`${name} was made to fail for a test.`);
  return null;
}

export class PanelBoundary extends Component<PanelBoundaryProps, State> {
  state: State = { error: null, generation: 0, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PanelBoundaryProps, state: State): Partial<State> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { resetKey: props.resetKey, error: null };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever debugs it: the component stack says where in the panel it broke.
    console.warn(`${this.props.name} failed:`, error, info.componentStack);
  }

  private reset = () => {
    if (typeof window !== 'undefined') delete (window as { __mfLabFail?: string }).__mfLabFail;
    this.setState((s) => ({ error: null, generation: s.generation + 1 }));
  };

  render(): ReactNode {
    const { error, generation } = this.state;
    if (error) {
      return (
        <div className="panel-error" role="alert">
          <p>
            <strong>{this.props.name} stopped working</strong>: {error.message || 'an unexpected error'}. The rest of the lab is
            unaffected.
          </p>
          <button type="button" onClick={this.reset}>
            Reset {this.props.name.replace(/^The /, 'the ')}
          </button>
        </div>
      );
    }
    return (
      <PanelContent key={generation} name={this.props.name}>
        {this.props.children}
      </PanelContent>
    );
  }
}

function PanelContent({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <FailPoint name={name} />
      {children}
    </>
  );
}
