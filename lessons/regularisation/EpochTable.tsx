/** Per-epoch training and validation numbers of a run, with the early-stopping epoch marked. */
import type { ReactElement } from 'react';
import type { EpochPoint } from '../../app/ui/training/useWorkerRun';
import { fmt } from './format';

const pct = (v: number | null): string => (v === null ? '–' : `${fmt(v * 100, 1)}%`);

export function EpochTable({
  epochs,
  best,
}: {
  readonly epochs: readonly EpochPoint[];
  readonly best: number | null;
}): ReactElement {
  return (
    <div className="reg-scroll reg-scroll--tall">
      <table className="reg-table" data-testid="epoch-table">
        <caption>Per epoch (★ = lowest validation loss)</caption>
        <thead>
          <tr>
            <th scope="col">epoch</th>
            <th scope="col">train loss</th>
            <th scope="col">train acc.</th>
            <th scope="col">val. loss</th>
            <th scope="col">val. acc.</th>
          </tr>
        </thead>
        <tbody>
          {epochs.map((e) => (
            <tr
              key={e.epoch}
              className={e.epoch === best ? 'reg-row--best' : undefined}
              data-epoch={e.epoch}
              data-train-loss={e.trainLoss}
              data-val-loss={e.valLoss ?? ''}
            >
              <th scope="row">
                {e.epoch}
                {e.epoch === best && (
                  <>
                    {' '}
                    <span aria-hidden="true">★</span>
                    <span className="visually-hidden">(best)</span>
                  </>
                )}
              </th>
              <td>{fmt(e.trainLoss, 3)}</td>
              <td>{pct(e.trainAccuracy)}</td>
              <td>{e.valLoss === null ? '–' : fmt(e.valLoss, 3)}</td>
              <td>{pct(e.valAccuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
