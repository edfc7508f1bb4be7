/**
 * The course: a table of contents, the lesson step on screen, next/previous, and progress
 * kept across reloads. Every step has its own link (#/lessons/<slug>/<step>).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { LESSONS, lessonBySlug } from './lessons';
import { LessonStep } from './LessonStep';
import { LabRegistry } from './labRegistry';
import { readProgress, recordVisit } from './progress';
import { neighbours, stepHref, type Place } from './courseNav';
import { useStepRegistry } from './useStepRegistry';
import { renderInline } from './renderMarkdown';
import { isTypingTarget } from '../views/Shortcuts/useShortcuts';
import { discardLessonLabs } from './useLessonLabStore';
import { forgetAnswers } from './answers';
import { useStepReady } from './useStepReady';
// The lessons' formulas are typeset by the build: their stylesheet comes with the page (KaTeX's script later, for the labs).
import 'katex/dist/katex.min.css';
import './lessons.css';

export function Contents({ current }: { current?: { slug: string; step: number } }) {
  // Read afresh on every render: the step on screen records its visit in an effect.
  const progress = readProgress();
  return (
    <nav className="lesson-toc" aria-label="Lessons">
      <h2>Lessons</h2>
      <ol>
        {LESSONS.map((l) => {
          const seen = l.steps.filter((_, k) => progress.seen.includes(`${l.slug}/${k + 1}`)).length;
          return (
            <li key={l.slug}>
              <a href={stepHref(l.slug, 1)} aria-current={current?.slug === l.slug ? 'page' : undefined}>
                <span className="toc-title">{l.title}</span>
                <span className="toc-progress" aria-label={`${seen} of ${l.steps.length} steps seen`}>
                  {seen === l.steps.length ? '✓' : `${seen}/${l.steps.length}`}
                </span>
              </a>
              {current?.slug === l.slug && (
                <ol className="toc-steps">
                  {l.steps.map((s, k) => (
                    <li key={k}>
                      <a
                        href={stepHref(l.slug, k + 1)}
                        aria-current={current.step === k + 1 ? 'step' : undefined}
                        dangerouslySetInnerHTML={{ __html: renderInline(s.title) }}
                      />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export function CoursePage() {
  const progress = readProgress();
  const resume = progress.last && lessonBySlug(progress.last.slug) ? progress.last : null;
  return (
    <div className="course">
      <div className="course-intro panel">
        <h2>The lecture, as a course</h2>
        <p>
          {LESSONS.length} lessons follow the lecture <em>Recommender Systems 1</em> from what recommenders do to weighted ALS for implicit feedback. Each step
          has live widgets you can play with and short checks: predict first, then reveal.
        </p>
        <p className="course-actions">
          {resume ? (
            <a className="button primary" href={stepHref(resume.slug, resume.step)}>
              Continue where you left off ({lessonBySlug(resume.slug)!.title}, step {resume.step})
            </a>
          ) : (
            LESSONS[0] && (
              <a className="button primary" href={stepHref(LESSONS[0].slug, 1)}>
                Start with “{LESSONS[0].title}”
              </a>
            )
          )}
          {LESSONS[0] && (
            <a className="button" href={stepHref(resume?.slug ?? LESSONS[0].slug, resume?.step ?? 1, 'present')}>
              Presenter mode
            </a>
          )}
        </p>
      </div>
      <Contents />
    </div>
  );
}

export function LessonPage({ slug, step }: { slug: string; step: number }) {
  const lesson = lessonBySlug(slug);
  const registry = useStepRegistry(`${slug}/${step}`);
  const [, rerender] = useState(0);
  const [round, setRound] = useState(0);
  const { prev, next } = neighbours(slug, step);
  useStepKeys(prev, next);
  // The step is drawn once its text (typeset by the build) and the KaTeX fonts it uses are here.
  const ready = useStepReady(slug, lesson, step);
  useEffect(() => {
    if (lesson && step <= lesson.steps.length) recordVisit(slug, step);
    rerender((x) => x + 1);
    document.getElementById('lesson-heading')?.focus();
  }, [slug, step, lesson]);
  if (!lesson) return <NotFound text={`There is no lesson “${slug}”.`} />;
  if (step > lesson.steps.length) return <NotFound text={`“${lesson.title}” has ${lesson.steps.length} steps, not ${step}.`} />;
  return (
    <div className="lesson-layout">
      <Contents current={{ slug, step }} />
      <article className="lesson panel" aria-labelledby="lesson-heading">
        <header className="lesson-header">
          <p className="lesson-kicker">
            Lesson {LESSONS.indexOf(lesson) + 1} of {LESSONS.length} · step {step} of {lesson.steps.length}
          </p>
          <h2 id="lesson-heading" tabIndex={-1}>
            {lesson.title}
          </h2>
          <a className="present-link" href={stepHref(slug, step, 'present')}>
            Present this step
          </a>
          <StartOver slug={slug} onDone={() => setRound((r) => r + 1)} />
        </header>
        {ready ? (
          <>
            <LabRegistry.Provider value={registry}>
              <LessonStep key={`${slug}/${step}/${round}`} lesson={lesson} step={step} />
            </LabRegistry.Provider>
            <StepNav prev={prev} next={next} />
          </>
        ) : (
          <p className="muted lesson-waiting" role="status">
            Loading the step…
          </p>
        )}
      </article>
    </div>
  );
}

/**
 * ← / → and PageUp / PageDown move between steps in the lesson view, unless a control that
 * needs them has focus (a field, a radio group, a slider, a grid).
 */
function useStepKeys(prev: Place | null, next: Place | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTypingTarget(e.target)) return;
      if (e.target instanceof Element && e.target.closest('[role="radio"], [role="tab"], [role="tablist"], input')) return;
      const forward = e.key === 'ArrowRight' || e.key === 'PageDown';
      const back = e.key === 'ArrowLeft' || e.key === 'PageUp';
      const target = forward ? next : back ? prev : null;
      if (!target) return;
      e.preventDefault();
      location.hash = stepHref(target.slug, target.step);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next]);
}

/** Forgets the lesson's labs and answers: every lab back to the lesson's set-up, every exercise unanswered. */
function StartOver({ slug, onDone }: { slug: string; onDone: () => void }) {
  return (
    <button
      type="button"
      className="lesson-start-over"
      onClick={() => {
        discardLessonLabs(`${slug}/`);
        forgetAnswers(`${slug}/`);
        onDone();
      }}
    >
      Reset this lesson
    </button>
  );
}

function StepNav({ prev, next }: { prev: Place | null; next: Place | null }) {
  return (
    <nav className="lesson-nav" aria-label="Step navigation">
      {prev ? (
        <a className="button" href={stepHref(prev.slug, prev.step)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a className="button primary" href={stepHref(next.slug, next.step)} rel="next">
          Next →
        </a>
      ) : (
        <a className="button" href="#/lessons">
          Back to the course
        </a>
      )}
    </nav>
  );
}

function NotFound({ text }: { text: string }): ReactNode {
  return (
    <div className="panel" role="alert">
      <p>{text}</p>
      <a href="#/lessons">See all lessons</a>
    </div>
  );
}
