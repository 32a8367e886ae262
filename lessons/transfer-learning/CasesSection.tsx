/** Section 2: the lecture's four cases (little or much data × similar or different task) as a table. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Section } from '../../app/ui/Section';
import { CASES } from './cases';

export function CasesSection(): ReactElement {
  return (
    <Section id="four-cases" title="What to freeze, what to retrain">
      <p>
        Which way to go depends on two things: how much labelled data the new task has, and how much its images look
        like the ones the network was trained on. Little data means every weight you let move is a weight that can fit
        the few examples and nothing else; a different task means the top layers’ features describe the wrong things.
      </p>
      <div className="tl-table-scroll">
        <table className="data-table tl-cases" data-testid="cases-table">
          <caption>The four cases</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">New data</th>
              <th scope="col">Task</th>
              <th scope="col">Freeze</th>
              <th scope="col">Retrain</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {CASES.map((c) => (
              <tr key={c.number} data-case={c.number}>
                <th scope="row">{c.number}</th>
                <td>{c.data === 'little' ? 'little' : 'much'}</td>
                <td>{c.task}</td>
                <td>{c.freeze}</td>
                <td>{c.retrain}</td>
                <td>{c.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Callout tone="tip" title="Reading the table">
        Going down in data (rows 2 to 1, 4 to 3) freezes more. Going from a similar task to a different one (rows 1 to
        3) moves the classifier lower, onto features general enough to still mean something. With plenty of data (rows 2
        and 4) everything trains, and the pretrained weights are simply a better starting point than random ones.
      </Callout>
    </Section>
  );
}
