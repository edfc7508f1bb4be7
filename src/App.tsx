import { useEffect, useState } from 'react';
import { LabProvider, useLabStore } from './state/LabContext';
import { initialLabOptions, usePersistence } from './state/persist';
import { Lab } from './views/Lab';
import { parseRoute, type Route } from './lessons/route';
import { CoursePage, LessonPage } from './lessons/LessonsPage';
import { NotesWindow, Presenter } from './lessons/Presenter';

/** Keeps the main lab's state in the URL and in storage. */
function Persistence() {
  usePersistence(useLabStore());
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
  useEffect(() => {
    const titles: Record<Route['page'], string> = {
      lab: 'Lab',
      course: 'Lessons',
      lesson: 'Lesson',
      present: 'Presenting',
      notes: 'Presenter notes',
    };
    document.title = `MF Lab — ${titles[route.page]}`;
  }, [route.page]);
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
          <a href="#/lessons" aria-current={!onLab ? 'page' : undefined}>
            Lessons
          </a>
        </nav>
      </header>
      <main id="main-content" tabIndex={-1}>
        {route.page === 'lab' ? (
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
