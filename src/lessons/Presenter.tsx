/**
 * Presenter mode, for a lecture hall: one step at a time on the whole screen, large type,
 * a high-contrast theme, its own layout for lab-heavy steps (text beside the lab, only the
 * panels the step needs), clicker and keyboard navigation that no focused control can swallow,
 * a black screen, a key that reveals the answers, and a notes window that stays in step.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { lessonBySlug, LESSONS } from './lessons';
import { useStepReady } from './useStepReady';
import 'katex/dist/katex.min.css';
import { LessonStep, showsFactors, stepLayout } from './LessonStep';
import { LabRegistry } from './labRegistry';
import { neighbours, stepHref } from './courseNav';
import { useStepRegistry } from './useStepRegistry';
import { recordVisit } from './progress';
import { focusKind, presenterAction, type PresenterAction } from './presenterKeys';
import { openChannel, post, type PresenterMessage } from './presenterChannel';
import { PresenterContext } from './presenterContext';
import './lessons.css';
import './presenter.css';

export const PRESENTER_KEYS: { keys: string; action: string }[] = [
  { keys: 'PageDown  →  Space', action: 'next step (PageDown works whatever has focus)' },
  { keys: 'PageUp  ←', action: 'previous step' },
  { keys: 'B  or  .', action: 'black screen; press again to come back' },
  { keys: 'A', action: 'reveal the answers on this step' },
  { keys: 'S', action: 'one iteration (both half-steps) in the step’s lab' },
  { keys: 'U / V', action: 'one half-step: solve U / solve V' },
  { keys: 'P', action: 'play / pause' },
  { keys: 'R', action: 'reset the lab to its random start' },
  { keys: 'Home / End', action: 'first / last step of the lesson' },
  { keys: 'F', action: 'full screen' },
  { keys: 'N', action: 'open the notes window' },
  { keys: 'Esc', action: 'leave a text field; again to leave presenter mode' },
];

/** Fullscreen on and off; a browser that refuses (no user gesture, an iframe) leaves the slide as it is. */
function toggleFullscreen(): void {
  const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
  void request?.catch(() => {});
}

function go(slug: string, step: number): void {
  location.hash = stepHref(slug, step, 'present');
}

function openNotes(slug: string, step: number): void {
  window.open(`${location.pathname}${stepHref(slug, step, 'notes')}`, 'mf-lab-notes', 'width=760,height=680');
}

export function Presenter({ slug, step }: { slug: string; step: number }) {
  const lesson = lessonBySlug(slug);
  const registry = useStepRegistry(`${slug}/${step}`);
  const text = useStepReady(slug, lesson, step);
  const [help, setHelp] = useState(false);
  const [black, setBlack] = useState(false);
  const [reveal, setReveal] = useState(0);
  const [tools, setTools] = useState<HTMLElement | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);
  const { prev, next } = neighbours(slug, step);

  const move = useCallback(
    (direction: 'next' | 'prev') => {
      const target = direction === 'next' ? next : prev;
      if (target) go(target.slug, target.step);
    },
    [next, prev],
  );

  const act = useCallback(
    (action: PresenterAction, target: EventTarget | null = null) => {
      const lab = registry.values().next().value?.getState();
      switch (action) {
        case 'next':
        case 'prev':
          return move(action);
        case 'first':
          return go(slug, 1);
        case 'last':
          return lesson && go(slug, lesson.steps.length);
        case 'black':
          return setBlack((b) => !b);
        case 'reveal':
          return setReveal((r) => r + 1);
        case 'fullscreen':
          return toggleFullscreen();
        case 'notes':
          return openNotes(slug, step);
        case 'help':
          return setHelp((h) => !h);
        case 'blur':
          return target instanceof HTMLElement && target.blur();
        case 'exit':
          if (help) return setHelp(false);
          if (!document.fullscreenElement) location.hash = stepHref(slug, step);
          return;
        case 'step':
          return lab?.step();
        case 'halfStep-users':
          return lab?.halfStep('users');
        case 'halfStep-items':
          return lab?.halfStep('items');
        case 'play':
          return lab?.togglePlay();
        case 'reset':
          return lab?.reset();
      }
    },
    [registry, move, slug, step, lesson, help],
  );

  useEffect(() => {
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, []);

  useEffect(() => {
    if (lesson) recordVisit(slug, step);
  }, [slug, step, lesson]);

  // The channel lives as long as presenter mode; it reads the latest state through refs.
  const latest = useRef({ act, slug, step, black });
  useEffect(() => {
    latest.current = { act, slug, step, black };
  });
  useEffect(() => {
    const c = openChannel();
    channel.current = c;
    if (c)
      c.onmessage = (e: MessageEvent<PresenterMessage>) => {
        const m = e.data;
        const now = latest.current;
        if (m.type === 'go') now.act(m.direction);
        else if (m.type === 'black') now.act('black');
        else if (m.type === 'reveal') now.act('reveal');
        else if (m.type === 'hello') post(c, { type: 'at', slug: now.slug, step: now.step, black: now.black });
      };
    return () => c?.close();
  }, []);

  useEffect(() => post(channel.current, { type: 'at', slug, step, black }), [slug, step, black]);

  useEffect(() => {
    // Capture phase: a focused control's own handler must not swallow the clicker's keys.
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat && (e.key === 'b' || e.key === 'B' || e.key === '.')) return;
      const action = presenterAction(e, focusKind(e.target), black);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      act(action, e.target);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [act, black]);

  if (!lesson || step > lesson.steps.length) {
    return (
      <div className="presenter" role="alert">
        <h1>There is no such step.</h1>
        <a href="#/lessons">See all lessons</a>
      </div>
    );
  }
  const index = LESSONS.indexOf(lesson);
  const total = LESSONS.reduce((n, l) => n + l.steps.length, 0);
  const done = LESSONS.slice(0, index).reduce((n, l) => n + l.steps.length, 0) + step;
  const layout = stepLayout(lesson.steps[step - 1]!);
  const factors = showsFactors(lesson.steps[step - 1]!) ? ' presenter-factors' : '';
  return (
    <div className="presenter">
      <header className="presenter-header">
        <h1 className="presenter-lesson">
          {index + 1}. {lesson.title}
        </h1>
        <span className="presenter-step" aria-label="Presenter position">
          step {step} / {lesson.steps.length}
        </span>
      </header>
      {/* Focusable: should a step ever need to scroll, the keyboard can scroll it (axe: scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <main className={`presenter-slide presenter-${layout}${factors}`} aria-label={`${lesson.title}, step ${step}`} tabIndex={0}>
        <PresenterContext.Provider value={{ presenting: true, reveal, aside: null, tools }}>
          <LabRegistry.Provider value={registry}>
            {text ? (
              <LessonStep key={`${slug}/${step}`} lesson={lesson} step={step} layout={layout} />
            ) : (
              <p className="muted" role="status">
                Loading the step…
              </p>
            )}
          </LabRegistry.Provider>
        </PresenterContext.Provider>
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
        <div className="presenter-tools" ref={setTools} />
        <button type="button" onClick={() => setBlack(true)}>
          Black
        </button>
        <button type="button" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          Keys
        </button>
        <a href={stepHref(slug, step)} className="button">
          Exit
        </a>
      </footer>
      {help && <KeysHelp onClose={() => setHelp(false)} />}
      {black && (
        <button type="button" className="presenter-black" onClick={() => setBlack(false)} aria-label="The screen is black. Press B, or click, to show the slide again." />
      )}
    </div>
  );
}

function KeysHelp({ onClose }: { onClose: () => void }) {
  return (
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
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
