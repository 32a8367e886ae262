/** What the map and neighbour sections share: the training run's state and the codes read from it. */
import type { RunStatus } from '../../app/ui/training/useWorkerRun';
import type { CodesState } from './useCodes';

export interface CodesProps {
  readonly runStatus: RunStatus;
  readonly codes: CodesState;
  readonly compute: (count: number) => void;
  readonly active: number;
  readonly onActive: (index: number) => void;
  readonly onPick: (index: number) => void;
}
