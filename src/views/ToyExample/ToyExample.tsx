/** The lecture's toy example: type U and Vᵀ, see UVᵀ (placeholder: being built). */
export function ToyExample() {
  return <p className="muted">The toy example is coming.</p>;
}
