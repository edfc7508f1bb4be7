import { lazy, Suspense, useEffect, useState } from 'react';
import { LabProvider, useLabStore } from './state/LabContext';
import { initialLabOptions, usePersistence } from './state/persist';
import { Lab } from './views/Lab';
import { HEADER_ACTIONS_ID } from './views/common/headerActions';
import { parseRoute, type Route } from './lessons/route';
import { SURVEY_TITLES, useSurveyRoute } from './survey/surveyRoute';
import { useDatasetHandoff } from './survey/openInLab';
import { useUpdateNotice } from './offline/useUpdateNotice';
import { afterPageUp } from './fonts/webFonts';
import { whenIdle } from './views/common/whenIdle';

const SurveyPage = lazy(() => import('./survey/SurveyPage'));

// The lessons, presenter mode and their Markdown load on demand: #/lab does not fetch them.
const CoursePage = lazy(() => import('./lessons/LessonsPage').then((m) => ({ default: m.CoursePage })));
const LessonPage = lazy(() => import('./lessons/LessonsPage').then((m) => ({ default: m.LessonPage })));
const Presenter = lazy(() => import('./lessons/Presenter').then((m) => ({ default: m.Presenter })));
const NotesWindow = lazy(() => import('./lessons/NotesWindow').then((m) => ({ default: m.NotesWindow })));

function Loading() {
  return (
    <p className="page-loading" role="status">
      Loading…
    </p>
  );
}

/** Keeps the main lab's state in the URL and in storage. */
function Persistence() {
  const store = useLabStore();
  usePersistence(store);
  useDatasetHandoff(store);
  return null;
}

/** The full lab, opened from a shared link, else from storage, else on the lecture's R. */
function MainLab() {
  const [options] = useState(initialLabOptions);
  return (
    <LabProvider {...options}>
      <Persistence />
      <Lab />
    </LabProvider>
  );
}

function useRoute(): Route {
  const [hash, setHash] = useState(() => (typeof location === 'undefined' ? '' : location.hash));
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onChange);
    // The first render is a transition and the header's links are live HTML before it: a click on one may have
    // changed the address between that render and this effect.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

export function App() {
  const route = useRoute();
  const survey = useSurveyRoute();
  const updateNotice = useUpdateNotice();
  const surveyName = survey?.page;
  // On a first visit the page's fonts are fetched for the next one once the page is up: the lab says when its
  // first model is on screen, other pages when idle (see fonts/webFonts).
  const labShown = route.page === 'lab' && !survey;
  useEffect(() => {
    if (labShown) return;
    // Well after the page's largest paint (a lesson's first paragraph waits for KaTeX's fonts).
    let cancel = () => {};
    const wait = setTimeout(() => (cancel = whenIdle(afterPageUp, 2000)), 3000);
    return () => {
      clearTimeout(wait);
      cancel();
    };
  }, [labShown]);
  useEffect(() => {
    const titles: Record<Route['page'], string> = {
      lab: 'Lab',
      course: 'Lessons',
      lesson: 'Lesson',
      present: 'Presenting',
      notes: 'Presenter notes',
    };
    document.title = `MF Lab — ${surveyName ? SURVEY_TITLES[surveyName] : titles[route.page]}`;
  }, [route.page, surveyName]);
  const surveyPage = survey && (
    <Suspense fallback={<p className="muted">Loading the survey…</p>}>
      <SurveyPage route={survey} />
    </Suspense>
  );
  if (survey?.page === 'take')
    return (
      <>
        {updateNotice}
        {surveyPage}
      </>
    );
  if (route.page === 'present')
    return (
      <Suspense fallback={<Loading />}>
        <Presenter slug={route.slug} step={route.step} />
      </Suspense>
    );
  if (route.page === 'notes')
    return (
      <Suspense fallback={<Loading />}>
        <NotesWindow slug={route.slug} step={route.step} />
      </Suspense>
    );
  const onLab = route.page === 'lab';
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => (e.preventDefault(), document.getElementById('main-content')?.focus())}
      >
        Skip to content
      </a>
      <header className="app-header">
        <h1>
          MF&nbsp;Lab <span className="tagline">matrix factorization for recommenders, step by step</span>
        </h1>
        <nav className="app-nav" aria-label="Main">
          <a href="#/lab" aria-current={onLab ? 'page' : undefined} onClick={(e) => onLab && e.preventDefault()}>
            Lab
          </a>
          <a href="#/lessons" aria-current={!onLab && !survey ? 'page' : undefined}>
            Lessons
          </a>
          <a href="#/survey" aria-current={survey ? 'page' : undefined}>
            Class survey
          </a>
        </nav>
        {/* The page's own actions (the lab's QR code) are rendered here by the page. */}
        <div id={HEADER_ACTIONS_ID} className="app-header-actions" />
      </header>
      {updateNotice}
      <main id="main-content" tabIndex={-1}>
        {surveyPage ? (
          surveyPage
        ) : route.page === 'lab' ? (
          <MainLab />
        ) : (
          <Suspense fallback={<Loading />}>
            {route.page === 'course' ? <CoursePage /> : <LessonPage slug={route.slug} step={route.step} />}
          </Suspense>
        )}
      </main>
    </div>
  );
}
