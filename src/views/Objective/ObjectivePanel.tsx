export function ObjectivePanel() {
  return <p className="muted">The objective panel is coming.</p>;
}
