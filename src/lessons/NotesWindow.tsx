/**
 * The presenter's second window: the notes for the step on the projector, the answers to its
 * exercises, and a preview of the next step. It follows the projector, and the clicker's keys
 * work here too (they are sent to the projector, which moves both).
 */
import { useEffect, useRef, useState } from 'react';
import { lessonBySlug } from './lessons';
import { useLessonHtml } from './lessonHtml';
import 'katex/dist/katex.min.css';
import { neighbours, stepHref } from './courseNav';
import { openChannel, post, type PresenterMessage } from './presenterChannel';
import { focusKind, presenterAction } from './presenterKeys';
import { useMarkdownHtml } from './renderMarkdown';
import type { Block, LessonStep } from './parseLesson';
import { exerciseAnswerText, stepPreview } from './stepSummary';
import './lessons.css';
import './presenter.css';

function Html({ markdown, inline = false }: { markdown: string; inline?: boolean }) {
  const html = useMarkdownHtml(markdown, inline);
  return inline ? <span dangerouslySetInnerHTML={{ __html: html }} /> : <div dangerouslySetInnerHTML={{ __html: html }} />;
}

function Answers({ step }: { step: LessonStep }) {
  const exercises = step.blocks.filter((b): b is Extract<Block, { kind: 'exercise' }> => b.kind === 'exercise');
  if (exercises.length === 0) return null;
  return (
    <section className="notes-answers" aria-label="Answers">
      <h2>{exercises.length === 1 ? 'The answer' : 'The answers'}</h2>
      {exercises.map((x, k) => (
        <div key={k} className="notes-answer">
          <p>
            <strong>
              <Html markdown={exerciseAnswerText(x)} inline />
            </strong>
          </p>
          {x.explanation && <Html markdown={x.explanation} />}
        </div>
      ))}
    </section>
  );
}

function useClock(): string {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.floor((now - started) / 1000);
  return `${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`;
}

export function NotesWindow({ slug, step }: { slug: string; step: number }) {
  const channel = useRef<BroadcastChannel | null>(null);
  const [black, setBlack] = useState(false);
  const clock = useClock();
  useEffect(() => {
    const c = openChannel();
    channel.current = c;
    if (c) {
      c.onmessage = (e: MessageEvent<PresenterMessage>) => {
        const m = e.data;
        if (m.type !== 'at') return;
        setBlack(m.black);
        if (m.slug !== slug || m.step !== step) location.hash = stepHref(m.slug, m.step, 'notes');
      };
      post(c, { type: 'hello' });
    }
    return () => c?.close();
  }, [slug, step]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = presenterAction(e, focusKind(e.target));
      const send = (m: PresenterMessage) => {
        e.preventDefault();
        post(channel.current, m);
      };
      if (action === 'next' || action === 'prev') send({ type: 'go', direction: action });
      else if (action === 'black') send({ type: 'black' });
      else if (action === 'reveal') send({ type: 'reveal' });
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  const lesson = lessonBySlug(slug);
  // The notes' text as the build typeset it, once the lesson's chunk is here (until then typeset in the page).
  useLessonHtml(slug);
  if (!lesson) return <p role="alert">There is no lesson “{slug}”.</p>;
  const s = lesson.steps[step - 1];
  const { next } = neighbours(slug, step);
  const nextStep = next ? lessonBySlug(next.slug)?.steps[next.step - 1] : undefined;
  return (
    <main className="notes-window">
      <header>
        <h1>
          {lesson.title} — step {step}: <Html markdown={s?.title ?? ''} inline />
        </h1>
        <span className="notes-timer" aria-label="Time since the notes opened">
          {clock}
        </span>
      </header>
      {black && <p className="notes-black">The projector is black (B to show it again).</p>}
      {s?.notes ? <Html markdown={s.notes} /> : <p className="notes-none">No notes for this step.</p>}
      {s && <Answers step={s} />}
      <section className="notes-next" aria-label="Next step">
        {nextStep && next ? (
          <>
            <h2>
              Next{next.slug !== slug ? ` (${lessonBySlug(next.slug)?.title})` : ''}: <Html markdown={nextStep.title} inline />
            </h2>
            <Html markdown={stepPreview(nextStep)} />
          </>
        ) : (
          <h2>This is the last step.</h2>
        )}
      </section>
      <div className="notes-controls">
        <button type="button" onClick={() => post(channel.current, { type: 'go', direction: 'prev' })}>
          ← Previous
        </button>
        <button type="button" className="primary" onClick={() => post(channel.current, { type: 'go', direction: 'next' })}>
          Next →
        </button>
        <button type="button" onClick={() => post(channel.current, { type: 'reveal' })}>
          Reveal answers
        </button>
        <button type="button" onClick={() => post(channel.current, { type: 'black' })} aria-pressed={black}>
          Black screen
        </button>
      </div>
    </main>
  );
}
