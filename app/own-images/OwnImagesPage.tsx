/**
 * "Your own images": make 2-10 classes from the webcam, files, folders or drawings, train a net
 * on them in a worker (by default a new head on a net trained on MNIST, its conv layers frozen),
 * watch it predict live from the camera, and save the images and the model. Nothing leaves the
 * browser.
 */
import type { ReactElement } from 'react';
import { MAX_CLASSES, MAX_OWN_IMAGES } from '../../engine/data/own-images';
import { CameraView } from './CameraView';
import { ClassCard } from './ClassCard';
import { LivePredict } from './LivePredict';
import { addClass, setNotice, totalImages, useOwnImages } from './ownStore';
import { SaveLoad } from './SaveLoad';
import { TrainPanel } from './TrainPanel';
import { useOwnTraining } from './useOwnTraining';
import './own-images.css';

export function OwnImagesPage(): ReactElement {
  const classes = useOwnImages((s) => s.classes);
  const notice = useOwnImages((s) => s.notice);
  const training = useOwnTraining();
  return (
    <div className="own-images" data-testid="own-images">
      <h1>Your own images</h1>
      <p className="own-lead">
        Teach a small CNN your own classes: hands up or down, a cup or a pen, your drawings. Make the classes, give each
        20 to 50 images, train, then point the camera at something. Everything happens in this browser: nothing is
        uploaded.
      </p>
      <div className="own-layout">
        <CameraView />
        <section className="own-classes" aria-labelledby="own-classes-title">
          <h2 id="own-classes-title">
            Classes{' '}
            <span className="muted">
              ({totalImages(classes).toLocaleString('en-US')} of at most {MAX_OWN_IMAGES.toLocaleString('en-US')}{' '}
              images)
            </span>
          </h2>
          {notice && (
            <p className="field-message--error own-notice" role="alert" data-testid="own-notice">
              {notice}{' '}
              <button type="button" className="button" onClick={() => setNotice(null)}>
                Dismiss
              </button>
            </p>
          )}
          <div className="own-class-list">
            {classes.map((cls, i) => (
              <ClassCard key={cls.id} cls={cls} index={i} />
            ))}
          </div>
          <button type="button" className="button" disabled={classes.length >= MAX_CLASSES} onClick={addClass}>
            Add a class
          </button>
        </section>
      </div>
      <div className="own-layout own-layout--even">
        <TrainPanel training={training} />
        <LivePredict training={training} />
      </div>
      <SaveLoad training={training} />
    </div>
  );
}
