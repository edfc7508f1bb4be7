/**
 * Presenter mode, for a lecture hall: one step at a time on the whole screen, large type,
 * a high-contrast theme, clicker and keyboard navigation, the run controls of the step's
 * lab on the keyboard, and a notes window that stays in step (BroadcastChannel).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { lessonBySlug, LESSONS } from './lessons';
import { LessonStep, Notes } from './LessonStep';
import { LabRegistry } from './LessonLab';
import { neighbours, stepHref, useStepRegistry } from './LessonsPage';
import { recordVisit } from './progress';
import { routeHash } from './route';
import { isTypingTarget } from '../views/Shortcuts/useShortcuts';
import './lessons.css';

const CHANNEL = 'mf-lab-presenter';

export type PresenterMessage = { type: 'at'; slug: string; step: number } | { type: 'go'; direction: 'next' | 'prev' } | { type: 'hello' };

export const PRESENTER_KEYS: { keys: string; action: string }[] = [
  { keys: '→  PageDown  Space', action: 'next step' },
  { keys: '←  PageUp', action: 'previous step' },
  { keys: 'S', action: 'one ALS step in the step’s lab' },
  { keys: 'U / V', action: 'solve U / solve V (half-steps)' },
  { keys: 'P', action: 'play / pause' },
  { keys: 'R', action: 'reset the lab' },
  { keys: 'F', action: 'full screen' },
  { keys: 'N', action: 'open the notes window' },
  { keys: 'Esc', action: 'leave presenter mode' },
];

/** Fullscreen on and off; a browser that refuses (no user gesture, an iframe) leaves the slide as it is. */
function toggleFullscreen(): void {
  const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
  void request?.catch(() => {});
}

/** The smallest zoom a slide is shrunk to; below it the slide scrolls instead (text must stay legible). */
const MIN_ZOOM = 0.6;

/**
 * Fits a step to the screen like slide software: the content is zoomed out (CSS zoom, which
 * re-lays it out) until it fits the slide's height, but never below MIN_ZOOM.
 */
function useFitToScreen(key: string) {
  const slideRef = useRef<HTMLElement>(null);
  const fitRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  useEffect(() => {
    setZoom(1);
    const slide = slideRef.current;
    const fit = fitRef.current;
    if (!slide || !fit || typeof ResizeObserver === 'undefined') return;
    let current = 1;
    const measure = () => {
      const style = getComputedStyle(slide);
      const available = slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const natural = fit.getBoundingClientRect().height / current;
      const next = Math.max(MIN_ZOOM, Math.min(1, available / natural));
      if (Math.abs(next - current) > 0.01) {
        current = next;
        setZoom(next);
      }
    };
    const observer = new ResizeObserver(measure);
    observer.observe(slide);
    observer.observe(fit);
    measure();
    return () => observer.disconnect();
  }, [key]);
  return { slideRef, fitRef, zoom };
}

function go(slug: string, step: number, page: 'present' | 'notes' = 'present') {
  location.hash = routeHash({ page, slug, step });
}

function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

export function Presenter({ slug, step }: { slug: string; step: number }) {
  const lesson = lessonBySlug(slug);
  const registry = useStepRegistry(`${slug}/${step}`);
  const [help, setHelp] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const { prev, next } = neighbours(slug, step);
  const { slideRef, fitRef, zoom } = useFitToScreen(`${slug}/${step}`);

  const move = useCallback(
    (direction: 'next' | 'prev') => {
      const target = direction === 'next' ? next : prev;
      if (target) go(target.slug, target.step);
    },
    [next, prev],
  );

  useEffect(() => {
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, []);

  useEffect(() => {
    if (lesson) recordVisit(slug, step);
    const c = openChannel();
    channel.current = c;
    c?.postMessage({ type: 'at', slug, step } satisfies PresenterMessage);
    if (c) {
      c.onmessage = (e: MessageEvent<PresenterMessage>) => {
        if (e.data.type === 'go') move(e.data.direction);
        if (e.data.type === 'hello') c.postMessage({ type: 'at', slug, step } satisfies PresenterMessage);
      };
    }
    return () => c?.close();
  }, [slug, step, lesson, move]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const typing = isTypingTarget(e.target);
      const onButton = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement;
      const lab = registry.values().next().value;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const act = (f: () => void) => {
        e.preventDefault();
        f();
      };
      // Clickers send PageUp/PageDown (or arrows): they always move, unless typing in a field.
      if (key === 'PageDown' && !typing) return act(() => move('next'));
      if (key === 'PageUp' && !typing) return act(() => move('prev'));
      if (typing) return;
      if (key === 'ArrowRight' || (key === ' ' && !onButton)) return act(() => move('next'));
      if (key === 'ArrowLeft') return act(() => move('prev'));
      if (key === 'Home') return act(() => go(slug, 1));
      if (key === 'End' && lesson) return act(() => go(slug, lesson.steps.length));
      if (key === 'f') return act(() => toggleFullscreen());
      if (key === 'n') return act(() => window.open(`${location.pathname}${routeHash({ page: 'notes', slug, step })}`, 'mf-lab-notes', 'width=720,height=640'));
      if (key === '?') return act(() => setHelp((h) => !h));
      if (key === 'Escape' && !document.fullscreenElement) return act(() => (location.hash = stepHref(slug, step)));
      if (!lab) return;
      const s = lab.getState();
      if (key === 's') return act(() => s.step());
      if (key === 'u') return act(() => s.halfStep('users'));
      if (key === 'v') return act(() => s.halfStep('items'));
      if (key === 'p') return act(() => s.togglePlay());
      if (key === 'r') return act(() => s.reset());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, move, slug, step, lesson]);

  if (!lesson || step > lesson.steps.length) {
    return (
      <div className="presenter" role="alert">
        <p>There is no such step.</p>
        <a href="#/lessons">See all lessons</a>
      </div>
    );
  }
  const index = LESSONS.indexOf(lesson);
  const total = LESSONS.reduce((n, l) => n + l.steps.length, 0);
  const done = LESSONS.slice(0, index).reduce((n, l) => n + l.steps.length, 0) + step;
  return (
    <div className="presenter">
      <header className="presenter-header">
        <span className="presenter-lesson">
          {index + 1}. {lesson.title}
        </span>
        <span className="presenter-step" aria-label="Presenter position">
          step {step} / {lesson.steps.length}
        </span>
      </header>
      <main className="presenter-slide" aria-label={`${lesson.title}, step ${step}`} ref={slideRef}>
        <div className="presenter-fit" ref={fitRef} style={{ zoom }}>
          <LabRegistry.Provider value={registry}>
            <LessonStep key={`${slug}/${step}`} lesson={lesson} step={step} />
          </LabRegistry.Provider>
        </div>
      </main>
      <footer className="presenter-footer">
        <button type="button" onClick={() => move('prev')} disabled={!prev} aria-label="Previous step">
          ←
        </button>
        <div className="presenter-progress" role="progressbar" aria-label="Course progress" aria-valuemin={1} aria-valuemax={total} aria-valuenow={done}>
          <span style={{ width: `${(done / total) * 100}%` }} />
        </div>
        <button type="button" onClick={() => move('next')} disabled={!next} aria-label="Next step">
          →
        </button>
        <button type="button" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          Keys
        </button>
        <a href={stepHref(slug, step)} className="button">
          Exit
        </a>
      </footer>
      {help && (
        <div className="presenter-help" role="dialog" aria-label="Presenter keys">
          <table>
            <tbody>
              {PRESENTER_KEYS.map((k) => (
                <tr key={k.keys}>
                  <th scope="row">
                    <kbd>{k.keys}</kbd>
                  </th>
                  <td>{k.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

/** The presenter's second window: notes for the step on the projector, following it. */
export function NotesWindow({ slug, step }: { slug: string; step: number }) {
  const channel = useRef<BroadcastChannel | null>(null);
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const c = openChannel();
    channel.current = c;
    if (c) {
      c.onmessage = (e: MessageEvent<PresenterMessage>) => {
        if (e.data.type === 'at' && (e.data.slug !== slug || e.data.step !== step)) go(e.data.slug, e.data.step, 'notes');
      };
      c.postMessage({ type: 'hello' } satisfies PresenterMessage);
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      c?.close();
      clearInterval(timer);
    };
  }, [slug, step]);
  const lesson = lessonBySlug(slug);
  if (!lesson) return <p role="alert">There is no lesson “{slug}”.</p>;
  const s = lesson.steps[step - 1];
  const { next } = neighbours(slug, step);
  const nextTitle = next ? lessonBySlug(next.slug)?.steps[next.step - 1]?.title : null;
  const elapsed = Math.floor((now - started) / 1000);
  return (
    <div className="notes-window">
      <header>
        <h1>
          {lesson.title} — step {step}: {s?.title}
        </h1>
        <span className="notes-timer" aria-label="Time since the notes opened">
          {Math.floor(elapsed / 60)}:{String(elapsed % 60).padStart(2, '0')}
        </span>
      </header>
      <Notes text={s?.notes ?? ''} />
      <p className="notes-next">{nextTitle ? `Next: ${nextTitle}` : 'This is the last step.'}</p>
      <div className="notes-controls">
        <button type="button" onClick={() => channel.current?.postMessage({ type: 'go', direction: 'prev' } satisfies PresenterMessage)}>
          ← Previous
        </button>
        <button type="button" className="primary" onClick={() => channel.current?.postMessage({ type: 'go', direction: 'next' } satisfies PresenterMessage)}>
          Next →
        </button>
      </div>
    </div>
  );
}
