/** The course outline: every lesson in lessons/course.ts, in order, with its summary and progress. */
import type { ReactElement } from 'react';
import { course } from '../../lessons/course';
import { ProgressBadge } from './ProgressBadge';
import { routeHref } from './router';

export function Outline(): ReactElement {
  return (
    <div className="outline">
      <header className="outline-intro">
        <h1>Convolutional neural networks, hands on</h1>
        <p>
          Each lesson explains one idea, lets you poke at it, and asks you to predict a number before the page computes
          it. Everything runs in your browser.
        </p>
        <p>
          <a href={routeHref({ name: 'studio' })}>Open the training studio</a>: build a network and train it on MNIST or
          CIFAR-10 in this tab.
        </p>
      </header>
      <ol className="lesson-list" aria-label="Lessons">
        {course.map((lesson, i) => (
          <li key={lesson.id} className="lesson-card" data-lesson-id={lesson.id}>
            <span className="lesson-number" aria-hidden="true">
              {i + 1}
            </span>
            <div className="lesson-card-body">
              <h2>
                <a href={routeHref({ name: 'lesson', id: lesson.id })}>{lesson.title}</a>
              </h2>
              <p>{lesson.summary}</p>
              <p className="lesson-meta">
                <span>about {lesson.minutes} min</span>
                <ProgressBadge lesson={lesson} />
              </p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
