/** One step of a lesson: its Markdown (with math), widgets and exercises, in order. */
import { useMemo, type ReactNode } from 'react';
import { LessonLab } from './LessonLab';
import { Exercise } from './Exercise';
import type { Block, Lesson } from './parseLesson';
import { renderMarkdown } from './renderMarkdown';
import { ToyExample } from '../views/ToyExample/ToyExample';
import { EventLog } from './widgets/EventLog';
import { Threshold } from './widgets/Threshold';
import { Attributes } from './widgets/Attributes';
import { Netflix } from './widgets/Netflix';
import { Sweep } from './widgets/Sweep';

function MarkdownBlock({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Widget({ block }: { block: Extract<Block, { kind: 'widget' }> }): ReactNode {
  const { name, attrs } = block;
  switch (name) {
    case 'lab':
      return <LessonLab attrs={attrs} />;
    case 'toy':
      return <ToyExample />;
    case 'eventlog':
      return <EventLog />;
    case 'threshold':
      return <Threshold initial={Number(attrs.threshold ?? 4)} />;
    case 'attributes':
      return <Attributes />;
    case 'netflix':
      return <Netflix />;
    case 'sweep':
      return <Sweep attrs={attrs} />;
    default:
      // The parser accepts only known widgets; a widget without a renderer is a bug to see, not hide.
      return <p role="alert">This lesson uses a widget “{name}” that MF Lab cannot show.</p>;
  }
}

export function LessonStep({ lesson, step }: { lesson: Lesson; step: number }) {
  const s = lesson.steps[step - 1]!;
  return (
    <div className="lesson-step">
      {s.blocks.map((block, k) => {
        const key = `${lesson.slug}/${step}/${k}`;
        if (block.kind === 'markdown') return <MarkdownBlock key={key} text={block.text} />;
        if (block.kind === 'widget') return <Widget key={key} block={block} />;
        return <Exercise key={key} block={block} exerciseKey={key} />;
      })}
    </div>
  );
}

export function Notes({ text }: { text: string }) {
  const html = useMemo(() => renderMarkdown(text || '_No notes for this step._'), [text]);
  return <div className="lesson-notes" dangerouslySetInnerHTML={{ __html: html }} />;
}
