import { lazy, Suspense, useEffect, useState } from 'react';
import { LabProvider, useLabStore } from './state/LabContext';
import { initialLabOptions, usePersistence } from './state/persist';
import { Lab } from './views/Lab';
import { HEADER_ACTIONS_ID } from './views/common/headerActions';
import { parseRoute, type Route } from './lessons/route';
import { CoursePage, LessonPage } from './lessons/LessonsPage';
import { NotesWindow, Presenter } from './lessons/Presenter';
import { SURVEY_TITLES, useSurveyRoute } from './survey/surveyRoute';
import { useDatasetHandoff } from './survey/openInLab';
import { useUpdateNotice } from './offline/useUpdateNotice';

const SurveyPage = lazy(() => import('./survey/SurveyPage'));

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
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

export function App() {
  const route = useRoute();
  const survey = useSurveyRoute();
  const updateNotice = useUpdateNotice();
  const surveyName = survey?.page;
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
  if (route.page === 'present') return <Presenter slug={route.slug} step={route.step} />;
  if (route.page === 'notes') return <NotesWindow slug={route.slug} step={route.step} />;
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
        ) : route.page === 'course' ? (
          <CoursePage />
        ) : (
          <LessonPage slug={route.slug} step={route.step} />
        )}
      </main>
    </div>
  );
}
