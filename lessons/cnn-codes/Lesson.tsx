/**
 * The body of "CNN codes": one training run (in a worker) shared by the sections, the codes read
 * from it, the image active on the map and the image picked for the neighbour comparison.
 */
import { type ReactElement, useMemo, useState } from 'react';
import { useWorkerRun } from '../../app/ui/training/useWorkerRun';
import { ExercisesSection } from './ExercisesSection';
import { IntroSection } from './IntroSection';
import { MapSection } from './MapSection';
import { NeighboursSection } from './NeighboursSection';
import { TrainSection } from './TrainSection';
import { CODE_LAYER, codeNetSetup, layerIndex } from './trainSetup';
import { useCodes } from './useCodes';
import './codes.css';

const SEED = 1;

export default function CnnCodes(): ReactElement {
  const setup = useMemo(() => codeNetSetup(SEED), []);
  const controls = useWorkerRun(setup);
  const { state: codes, compute } = useCodes(controls, layerIndex(CODE_LAYER));
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState(0);
  const pick = (index: number): void => {
    setActive(index);
    setPicked(index);
  };
  return (
    <>
      <IntroSection />
      <TrainSection controls={controls} />
      <MapSection
        runStatus={controls.view.status}
        codes={codes}
        compute={compute}
        active={active}
        onActive={setActive}
        onPick={pick}
      />
      <NeighboursSection codes={codes} picked={picked} onPick={pick} />
      <ExercisesSection />
    </>
  );
}
