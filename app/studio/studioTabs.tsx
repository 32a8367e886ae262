/**
 * The studio's tab sets, in one place so the normal layout and the presenter layout offer the same
 * views: the set-up tabs (data, model, hyperparameters, saved models), the inspector's views of the
 * network's insides, and, for presenter mode, the "stage" picker that puts any one view (curves,
 * network, Try it or an inspector view) on the big main area.
 */
import { ActivationsView } from './ActivationsView';
import { ArchitecturePanel } from './ArchitecturePanel';
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
import { SaliencyView } from './SaliencyView';
import type { TabDef } from './Tabs';
import { TryIt } from './TryIt';

export const SETUP_TABS: readonly TabDef[] = [
  { id: 'data', label: 'Data', render: () => <DatasetPanel /> },
  { id: 'model', label: 'Model', render: () => <ArchitecturePanel /> },
  { id: 'training', label: 'Hyperparameters', render: () => <HyperPanel /> },
  { id: 'saved', label: 'Saved', render: () => <KeepPanel /> },
];

export const INSPECT_TABS: readonly TabDef[] = [
  { id: 'activations', label: 'Activations', render: () => <ActivationsView /> },
  { id: 'filters', label: 'Filters', render: () => <FiltersView /> },
  {
    id: 'confusion',
    label: 'Confusion matrix',
    // Side by side where there is room, so the matrix keeps the panel's height for its ten rows.
    render: () => (
      <div className="confusion-views">
        <ConfusionMatrix />
        <PerClassAccuracy />
      </div>
    ),
  },
  { id: 'saliency', label: 'Saliency & CAM', render: () => <SaliencyView /> },
  { id: 'gradient', label: 'Gradient images', render: () => <GradientImageView /> },
  { id: 'mistakes', label: 'Mistakes', render: () => <MistakesView /> },
  { id: 'embedding', label: 'Embedding', render: () => <EmbeddingView /> },
  { id: 'norms', label: 'Weight & gradient norms', render: () => <NormsView /> },
];

/** Presenter mode's picker: every view the normal layout shows at once, one at a time, large. */
export const STAGE_TABS: readonly TabDef[] = [
  { id: 'curves', label: 'Learning curves', render: () => <CurvesPanel /> },
  { id: 'network', label: 'Network', render: () => <NetworkDiagram /> },
  { id: 'try', label: 'Try it', render: () => <TryIt /> },
  ...INSPECT_TABS,
];
