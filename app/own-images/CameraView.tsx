/**
 * The camera panel: the permission flow in words (and the promise that nothing leaves the
 * browser), the live picture once allowed, and a button to turn it off again. When the camera is
 * refused or missing it says why and points to the other ways of adding images.
 */
import type { ReactElement } from 'react';
import { attachVideo, turnOffCamera, turnOnCamera, useCamera } from './camera';

export function CameraView(): ReactElement {
  const state = useCamera((s) => s.state);
  return (
    <section className="own-camera" aria-labelledby="own-camera-title" data-testid="own-camera" data-state={state.kind}>
      <h3 id="own-camera-title">Camera</h3>
      <p className="muted">
        Pictures from the camera stay in this browser: nothing is uploaded, and they are gone when you close the page
        unless you save the set.
      </p>
      {state.kind === 'on' ? (
        <>
          <video ref={attachVideo} className="own-video" autoPlay playsInline muted aria-label="Camera preview" />
          <button type="button" className="button" onClick={turnOffCamera}>
            Turn off the camera
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={state.kind === 'asking'}
          onClick={() => void turnOnCamera()}
        >
          {state.kind === 'asking' ? 'Waiting for permission…' : 'Turn on the camera'}
        </button>
      )}
      {state.kind === 'asking' && (
        <p role="status">The browser is asking whether this page may use the camera: answer its prompt.</p>
      )}
      {state.kind === 'problem' && (
        <>
          <p className="field-message--error" role="alert" data-testid="own-camera-problem">
            {state.message}
          </p>
          <p className="muted" data-testid="own-camera-other-ways">
            Without a camera you can still add images to each class: “Add files”, “Add a folder”, dropping images on a
            class, or “Draw”.
          </p>
        </>
      )}
    </section>
  );
}
