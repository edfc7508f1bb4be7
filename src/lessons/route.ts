/**
 * Hash routes. The lab keeps its state in the hash as "key=value" pairs (see urlCodec);
 * pages are paths: #/lessons, #/lessons/<slug>/<step>, #/present/<slug>/<step>,
 * #/notes/<slug>/<step>. Every lesson step has a link that opens exactly there.
 */
export type Route =
  | { page: 'lab' }
  | { page: 'course' }
  | { page: 'lesson'; slug: string; step: number }
  | { page: 'present'; slug: string; step: number }
  | { page: 'notes'; slug: string; step: number };

export function isPageHash(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith('/');
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (!path.startsWith('/')) return { page: 'lab' };
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const step = Math.max(1, Number.parseInt(parts[2] ?? '1', 10) || 1);
  switch (parts[0]) {
    case 'lessons':
      return parts[1] ? { page: 'lesson', slug: parts[1], step } : { page: 'course' };
    case 'present':
      return parts[1] ? { page: 'present', slug: parts[1], step } : { page: 'course' };
    case 'notes':
      return parts[1] ? { page: 'notes', slug: parts[1], step } : { page: 'course' };
    case 'lab':
      return { page: 'lab' };
    default:
      return { page: 'course' };
  }
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'lab':
      return '#/lab';
    case 'course':
      return '#/lessons';
    default:
      return `#/${route.page === 'lesson' ? 'lessons' : route.page}/${encodeURIComponent(route.slug)}/${route.step}`;
  }
}
