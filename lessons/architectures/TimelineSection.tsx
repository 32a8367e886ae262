/** Section 1: the ImageNet challenge and the top-5 errors the lecture quotes, year by year. */
import type { ReactElement } from 'react';
import { Section } from '../../app/ui/Section';

/** ILSVRC classification results as lecture deck 000 tabulates them (top-5 test error). */
const RESULTS = [
  { year: 2012, team: 'SuperVision (AlexNet)', place: '1st', error: '16.42%' },
  { year: 2012, team: 'ISI (hand-made features)', place: '2nd', error: '26.17%' },
  { year: 2013, team: 'Clarifai', place: '1st', error: '11.74%' },
  { year: 2013, team: 'ZF (ZFNet)', place: '3rd', error: '13.51%' },
  { year: 2014, team: 'GoogLeNet', place: '1st', error: '6.66%' },
  { year: 2014, team: 'VGG', place: '2nd', error: '7.32%' },
  { year: 2015, team: 'ResNet (MSRA)', place: '1st', error: '3.57%' },
] as const;

export function TimelineSection(): ReactElement {
  return (
    <Section id="timeline" title="Eight years of ImageNet">
      <p>
        The ImageNet Large Scale Visual Recognition Challenge (ILSVRC) asked for one of 1,000 classes per photo, scored
        by the <strong>top-5 error</strong>: a guess counts as right when the true class is among the five classes the
        network scores highest. Until 2011 the entries were hand-designed features plus a linear classifier. In 2012 a
        deep CNN won by ten points, and each year after that a new architecture roughly halved the error.
      </p>
      <table className="data-table" data-testid="timeline-table">
        <caption>ILSVRC classification, top-5 test error, as quoted in the lecture</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Entry</th>
            <th scope="col">Place</th>
            <th scope="col">Top-5 error</th>
          </tr>
        </thead>
        <tbody>
          {RESULTS.map((r) => (
            <tr key={`${r.year}-${r.team}`}>
              <td>{r.year}</td>
              <th scope="row">{r.team}</th>
              <td>{r.place}</td>
              <td>{r.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        The sections below take the winners in order. For each one, ask the same three questions: what did it change,
        what does it cost in parameters, and what does it cost in multiply-adds per image? Every count on this page is
        computed by the engine from a spec of the network; the lecture’s own figures are quoted beside them.
      </p>
    </Section>
  );
}
