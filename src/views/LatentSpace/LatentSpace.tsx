/** Users and items as points in the latent space (placeholder: being built). */
export function LatentSpace() {
  return <p className="muted">The latent space view is coming.</p>;
}
