/**
 * The survey's pages in the hash router: #/survey (the instructor sets a survey up),
 * #/survey/<token> (its QR code and the collected answers), #/s/<token> (a student answers:
 * short, because it is typed from a projector when a camera will not read the QR code).
 */
import { useSyncExternalStore } from 'react';
import { appBase } from '../share/shareLink';

export type SurveyRoute = { page: 'setup' } | { page: 'collect'; token: string } | { page: 'take'; token: string };

export function parseSurveyRoute(hash: string): SurveyRoute | null {
  const path = hash.replace(/^#/, '');
  const take = /^\/s\/(.+)$/.exec(path);
  if (take) return { page: 'take', token: take[1]! };
  if (path === '/survey' || path === '/survey/') return { page: 'setup' };
  const collect = /^\/survey\/(.+)$/.exec(path);
  return collect ? { page: 'collect', token: collect[1]! } : null;
}

export const SURVEY_TITLES: Record<SurveyRoute['page'], string> = {
  setup: 'Class survey',
  collect: 'Class survey: answers',
  take: 'Survey',
};

export function collectHash(token: string): string {
  return `#/survey/${token}`;
}

/** The link a student opens (what the QR code holds). */
export function takeLink(token: string, base: string = appBase()): string {
  return `${base}#/s/${token}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The survey page the address points at, or null for the rest of the app. */
export function useSurveyRoute(): SurveyRoute | null {
  const hash = useSyncExternalStore(
    subscribe,
    () => location.hash,
    () => '',
  );
  // Parsed per render: cheap, and a fresh object only matters to effects keyed on its fields.
  return parseSurveyRoute(hash);
}
