/**
 * A lesson step's widget: a lab, the toy example or one of the lecture's small demos. Loaded on
 * demand by LessonStep (see there).
 */
import type { ReactNode } from 'react';
import { LessonLab } from './LessonLab';
import type { Block } from './parseLesson';
import { ToyExample } from '../views/ToyExample/ToyExample';
import { EventLog } from './widgets/EventLog';
import { Threshold } from './widgets/Threshold';
import { Attributes } from './widgets/Attributes';
import { Netflix } from './widgets/Netflix';
import { Sweep } from './widgets/Sweep';

export default function StepWidget({ block, labKey }: { block: Extract<Block, { kind: 'widget' }>; labKey: string }): ReactNode {
  const { name, attrs } = block;
  switch (name) {
    case 'lab':
      return <LessonLab attrs={attrs} storageKey={labKey} />;
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

