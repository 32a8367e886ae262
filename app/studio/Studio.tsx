/**
 * The training studio (#/studio): build a network, train it in the worker on MNIST or CIFAR-10,
 * and watch it learn. Left: the set-up (data, model, hyperparameters) in tabs. Right: run
 * controls, the network diagram, learning curves, "Try it", and an inspector of the network's
 * insides. Opening the page connects the one training worker; leaving it pauses training so the
 * lessons get the CPU back.
 */
import { type ReactElement, useEffect } from 'react';
import { useStudio } from '../stores/studio';
import { ActivationsView } from './ActivationsView';
import { ArchitecturePanel } from './ArchitecturePanel';
import { openStudio, pause } from './actions';
import { ConfusionMatrix } from './ConfusionMatrix';
import { CurvesPanel } from './CurvesPanel';
import { DatasetPanel } from './DatasetPanel';
import { EmbeddingView } from './EmbeddingView';
import { FiltersView } from './FiltersView';
import { GradientImageView } from './GradientImageView';
import { HyperPanel } from './HyperPanel';
import { KeepPanel } from './KeepPanel';
import { MistakesView } from './Mistakes';
import { NetworkDiagram } from './NetworkDiagram';
import { NormsView } from './NormsView';
import { PerClassAccuracy } from './PerClassAccuracy';
import { RunControls } from './RunControls';
import { SaliencyView } from './SaliencyView';
import { StatusBar } from './StatusBar';
import { Tabs } from './Tabs';
import { TryIt } from './TryIt';
import './studio.css';
import './studio-panels.css';
import './studio-views.css';
import './studio-inside.css';

const SETUP_TABS = [
  { id: 'data', label: 'Data', render: () => <DatasetPanel /> },
  { id: 'model', label: 'Model', render: () => <ArchitecturePanel /> },
  { id: 'training', label: 'Hyperparameters', render: () => <HyperPanel /> },
  { id: 'saved', label: 'Saved', render: () => <KeepPanel /> },
];

const INSPECT_TABS = [
  { id: 'activations', label: 'Activations', render: () => <ActivationsView /> },
  { id: 'filters', label: 'Filters', render: () => <FiltersView /> },
  {
    id: 'confusion',
    label: 'Confusion matrix',
    render: () => (
      <>
        <ConfusionMatrix />
        <PerClassAccuracy />
      </>
    ),
  },
  { id: 'saliency', label: 'Saliency & CAM', render: () => <SaliencyView /> },
  { id: 'gradient', label: 'Gradient images', render: () => <GradientImageView /> },
  { id: 'mistakes', label: 'Mistakes', render: () => <MistakesView /> },
  { id: 'embedding', label: 'Embedding', render: () => <EmbeddingView /> },
  { id: 'norms', label: 'Weight & gradient norms', render: () => <NormsView /> },
];

export function Studio(): ReactElement {
  useEffect(() => {
    const stop = openStudio();
    return () => {
      stop();
      if (useStudio.getState().status === 'running') pause();
    };
  }, []);

  return (
    <div className="studio" data-testid="studio">
      <header className="studio-header">
        <h1>Training studio</h1>
        <StatusBar />
      </header>
      <div className="studio-grid">
        <Tabs label="Set-up" tabs={SETUP_TABS} className="studio-side" />
        <div className="studio-main">
          <RunControls />
          <NetworkDiagram />
          <div className="studio-views">
            <CurvesPanel />
            <TryIt />
            <section className="studio-card inspector" aria-label="Inside the network">
              <Tabs label="Inside the network" tabs={INSPECT_TABS} />
            </section>
          </div>
        </div>
      </div>
    </div>
  );
}
