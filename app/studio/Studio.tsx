/**
 * The training studio (#/studio): build a network, train it in the worker on MNIST or CIFAR-10,
 * and watch it learn. Left: the set-up (data, model, hyperparameters) in tabs. Right: run
 * controls, the network diagram, learning curves, "Try it", and an inspector of the network's
 * insides. In presenter mode the same views are offered one at a time on a large stage instead
 * (PresenterGrid). Opening the page connects the one training worker; leaving it pauses training
 * so the lessons get the CPU back.
 */
import { type ReactElement, useEffect } from 'react';
import { useSettings } from '../stores/settings';
import { useStudio } from '../stores/studio';
import { openStudio, pause } from './actions';
import { CurvesPanel } from './CurvesPanel';
import { HealthNotice } from './HealthNotice';
import { ResumeOffer } from './keep/ResumeOffer';
import { NetworkDiagram } from './NetworkDiagram';
import { RunControls } from './RunControls';
import { StatusBar } from './StatusBar';
import { INSPECT_TABS, SETUP_TABS, STAGE_TABS } from './studioTabs';
import { Tabs } from './Tabs';
import { TryIt } from './TryIt';
import './studio.css';
import './studio-panels.css';
import './studio-views.css';
import './studio-inside.css';
import './studio-presenter.css';

export function Studio(): ReactElement {
  useEffect(() => {
    const stop = openStudio();
    return () => {
      stop();
      if (useStudio.getState().status === 'running') pause();
    };
  }, []);
  const presenter = useSettings((s) => s.presenter);

  return (
    <div className={presenter ? 'studio studio--presenter' : 'studio'} data-testid="studio">
      <header className="studio-header">
        <h1>Training studio</h1>
        <StatusBar />
      </header>
      {presenter ? (
        <PresenterGrid />
      ) : (
        <div className="studio-grid">
          <Tabs label="Set-up" tabs={SETUP_TABS} className="studio-side" />
          <div className="studio-main">
            <RunControls />
            <HealthNotice />
            <ResumeOffer />
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
      )}
    </div>
  );
}

/**
 * Presenter mode (1920x1080 at a 24 px root): the controls compact in one column, and one view,
 * picked from every view the studio has, fills the rest of the screen so a room can read it.
 */
function PresenterGrid(): ReactElement {
  return (
    <div className="studio-grid studio-grid--presenter">
      <div className="studio-controls">
        <RunControls />
        <HealthNotice />
        <ResumeOffer />
        <Tabs label="Set-up" tabs={SETUP_TABS} className="studio-side" />
      </div>
      <section className="studio-card studio-stage" aria-label="Shown view" data-testid="studio-stage">
        <Tabs label="Shown view" tabs={STAGE_TABS} />
      </section>
    </div>
  );
}
