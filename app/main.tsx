/**
 * Entry point: mounts the shell inside a top-level error boundary, so that even an error in the
 * layout itself shows a message instead of a blank page.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { registerServiceWorker } from './shell/serviceWorker';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/widgets.css';
import './styles/lessons.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary label="ConvLab">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

registerServiceWorker();
