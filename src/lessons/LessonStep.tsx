/**
 * One step of a lesson: its Markdown (with math), widgets and exercises. In the lesson view they
 * flow in order; on the projector a step with a widget is laid out side by side — the text and
 * exercises on the left, the widgets on the right — so that both are readable at once.
 */
import { lazy, Suspense, useRef, useState } from 'react';
import { useScrollableFocus } from './useScrollableFocus';
import { PresenterContext, usePresenter } from './presenterContext';
import { Exercise } from './Exercise';
import type { Block, Lesson, LessonStep as Step } from './parseLesson';
import { useMarkdownHtml } from './renderMarkdown';
import { panelsFromAttrs } from './labSetup';

/**
 * How a step is laid out on the projector: one column of text; the text beside its widgets
 * (split); or the text above a widget that needs the whole width (stack: the toy example, the
 * event log, the solve explorer, the latent space).
 */
export type StepLayout = 'single' | 'split' | 'stack';

const WIDE_WIDGETS = ['toy', 'eventlog'];
const WIDE_PANELS = ['solve', 'latent'];

export function stepLayout(step: Step): StepLayout {
  const widgets = step.blocks.filter((b): b is Extract<Block, { kind: 'widget' }> => b.kind === 'widget');
  if (widgets.length === 0) return 'single';
  const wide = widgets.some(
    (w) =>
      w.attrs.layout === 'stack' ||
      WIDE_WIDGETS.includes(w.name) ||
      (w.name === 'lab' && panelsFromAttrs(w.attrs, true).main.some((p) => WIDE_PANELS.includes(p))),
  );
  return wide ? 'stack' : 'split';
}

/** Whether the projector shows a lab's factor matrices in the widget column (they want its width). */
export function showsFactors(step: Step): boolean {
  return step.blocks.some((b) => b.kind === 'widget' && b.name === 'lab' && panelsFromAttrs(b.attrs, true).main.includes('factors') && !panelsFromAttrs(b.attrs, true).aside.includes('grid'));
}

// A step's widgets (labs, the toy example, the lecture's small demos) come in a chunk of their own,
// asked for when a step shows one: the step's text is drawn first (it is the page's largest
// paint), and a step without widgets never fetches them.
const StepWidget = lazy(() => import('./StepWidget'));

function WidgetPending({ name }: { name: string }) {
  return (
    <div className="lesson-widget-pending" role="status">
      Loading the {name === 'lab' ? 'lab' : 'demo'}…
    </div>
  );
}

function MarkdownBlock({ text }: { text: string }) {
  const html = useMarkdownHtml(text);
  const ref = useRef<HTMLDivElement>(null);
  useScrollableFocus(ref, html);
  return <div ref={ref} className="lesson-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

export function LessonStep({ lesson, step, layout = 'single' }: { lesson: Lesson; step: number; layout?: StepLayout }) {
  const s = lesson.steps[step - 1]!;
  const presenter = usePresenter();
  const [aside, setAside] = useState<HTMLElement | null>(null);
  const rendered = s.blocks.map((block, k) => {
    const key = `${lesson.slug}/${step}/${k}`;
    if (block.kind === 'markdown') return { widget: false, node: <MarkdownBlock key={key} text={block.text} /> };
    if (block.kind === 'widget')
      return { widget: true, node: (
          <Suspense key={key} fallback={<WidgetPending name={block.name} />}>
            <StepWidget block={block} labKey={`${lesson.slug}/${block.attrs.id ?? `lab-${step}-${k}`}`} />
          </Suspense>
        ),
      };
    return { widget: false, node: <Exercise key={key} block={block} exerciseKey={key} /> };
  });
  if (layout === 'single') return <div className="lesson-step">{rendered.map((r) => r.node)}</div>;
  return (
    <div className="lesson-step lesson-step-split">
      <div className="step-text">
        {rendered.filter((r) => !r.widget).map((r) => r.node)}
        <div className="step-aside" ref={setAside} />
      </div>
      <PresenterContext.Provider value={{ ...presenter, aside }}>
        <div className="step-widgets">{rendered.filter((r) => r.widget).map((r) => r.node)}</div>
      </PresenterContext.Provider>
    </div>
  );
}
