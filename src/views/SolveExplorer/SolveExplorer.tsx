export function SolveExplorer() {
  return <p className="muted">The solve explorer is coming.</p>;
}
