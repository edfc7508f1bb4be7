/**
 * The course: a table of contents, the lesson step on screen, next/previous, and progress
 * kept across reloads. Every step has its own link (#/lessons/<slug>/<step>).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { LESSONS, lessonBySlug } from './lessons';
import { LessonStep } from './LessonStep';
import { LabRegistry } from './LessonLab';
import { readProgress, recordVisit } from './progress';
import { routeHash, type Route } from './route';
import { renderInline } from './renderMarkdown';
import type { StoreApi } from 'zustand';
import type { LabState } from '../state/labStore';
import './lessons.css';

export function stepHref(slug: string, step: number, page: 'lesson' | 'present' = 'lesson'): string {
  return routeHash({ page, slug, step } as Route);
}

/** Previous and next places in the course, across lesson boundaries. */
export function neighbours(slug: string, step: number): { prev: { slug: string; step: number } | null; next: { slug: string; step: number } | null } {
  const k = LESSONS.findIndex((l) => l.slug === slug);
  const lesson = LESSONS[k];
  if (!lesson) return { prev: null, next: null };
  const prevLesson = LESSONS[k - 1];
  const nextLesson = LESSONS[k + 1];
  return {
    prev: step > 1 ? { slug, step: step - 1 } : prevLesson ? { slug: prevLesson.slug, step: prevLesson.steps.length } : null,
    next: step < lesson.steps.length ? { slug, step: step + 1 } : nextLesson ? { slug: nextLesson.slug, step: 1 } : null,
  };
}

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

/** The lab stores of the step on screen, for exercises and the presenter's keys. */
export function useStepRegistry(key: string): Map<string, StoreApi<LabState>> {
  // A fresh registry per step: labs register themselves as they mount.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => new Map<string, StoreApi<LabState>>(), [key]);
}

export function LessonPage({ slug, step }: { slug: string; step: number }) {
  const lesson = lessonBySlug(slug);
  const registry = useStepRegistry(`${slug}/${step}`);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (lesson && step <= lesson.steps.length) recordVisit(slug, step);
    rerender((x) => x + 1);
    document.getElementById('lesson-heading')?.focus();
  }, [slug, step, lesson]);
  if (!lesson) return <NotFound text={`There is no lesson “${slug}”.`} />;
  if (step > lesson.steps.length) return <NotFound text={`“${lesson.title}” has ${lesson.steps.length} steps, not ${step}.`} />;
  const { prev, next } = neighbours(slug, step);
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
        </header>
        <LabRegistry.Provider value={registry}>
          <LessonStep key={`${slug}/${step}`} lesson={lesson} step={step} />
        </LabRegistry.Provider>
        <StepNav prev={prev} next={next} />
      </article>
    </div>
  );
}

function StepNav({ prev, next }: ReturnType<typeof neighbours>) {
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
