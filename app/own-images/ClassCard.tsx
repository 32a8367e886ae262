/**
 * One class: its name, how many images it has, its thumbnails (each deletable), and the ways to
 * add images to it: hold the camera button, pick files or a whole folder, drop them on the card,
 * or draw one.
 */
import { type DragEvent, type ReactElement, useId, useRef, useState } from 'react';
import { MIN_PER_CLASS } from '../../engine/data/own-images';
import { DrawPad } from '../ui/DrawPad';
import { grabFrame, useCamera } from './camera';
import { drawingSample, filesFromDrop, filesToSamples, refusedNotice } from './intake';
import { addSamples, clearClass, type OwnClass, removeClass, removeSample, renameClass, setNotice } from './ownStore';
import { Thumb } from './Thumb';

/** Thumbnails shown per class; the rest are counted (a class may hold thousands). */
const SHOWN = 48;
/** Frames a second while the camera button is held. */
const CAPTURE_MS = 150;

async function addFiles(classId: number, files: readonly File[]): Promise<void> {
  const { samples, refused } = await filesToSamples(files);
  addSamples(classId, samples, 'file');
  const notice = refusedNotice(refused);
  if (notice) setNotice(notice);
}

export function ClassCard({ cls, index }: { readonly cls: OwnClass; readonly index: number }): ReactElement {
  const nameId = useId();
  const cameraOn = useCamera((s) => s.state.kind === 'on');
  const holding = useRef<ReturnType<typeof setInterval> | null>(null);
  const [drawing, setDrawing] = useState<Float32Array | null>(null);
  const [drawOpen, setDrawOpen] = useState(false);
  const [over, setOver] = useState(false);
  const count = cls.samples.length;

  const grabOne = (): void => {
    const frame = grabFrame();
    if (frame) addSamples(cls.id, [frame], 'camera');
  };
  const stopHolding = (): void => {
    if (holding.current) clearInterval(holding.current);
    holding.current = null;
  };
  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setOver(false);
    void filesFromDrop(event.dataTransfer).then((files) => addFiles(cls.id, files));
  };

  return (
    <section
      className={`own-class${over ? ' own-class--over' : ''}`}
      aria-labelledby={nameId}
      data-testid={`own-class-${index}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <header className="own-class-head">
        <label id={nameId}>
          <span className="visually-hidden">Name of class {index + 1}</span>
          <input
            className="own-class-name"
            value={cls.name}
            maxLength={40}
            onChange={(e) => renameClass(cls.id, e.target.value)}
          />
        </label>
        <span
          data-testid="own-class-count"
          className={count < MIN_PER_CLASS ? 'own-count own-count--low' : 'own-count'}
        >
          {count} {count === 1 ? 'image' : 'images'}
          {count < MIN_PER_CLASS && ` (at least ${MIN_PER_CLASS})`}
        </span>
      </header>
      <div className="button-row own-add">
        <button
          type="button"
          className="button"
          disabled={!cameraOn}
          title={cameraOn ? 'Hold to keep adding frames' : 'Turn on the camera first'}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            grabOne();
            holding.current = setInterval(grabOne, CAPTURE_MS);
          }}
          onPointerUp={stopHolding}
          onPointerCancel={stopHolding}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              grabOne();
            }
          }}
        >
          Hold to add from camera
        </button>
        <label className="button own-file">
          Add files
          <input
            type="file"
            accept="image/*"
            multiple
            className="visually-hidden"
            onChange={(e) => {
              void addFiles(cls.id, [...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        <label className="button own-file">
          Add a folder
          <input
            type="file"
            multiple
            className="visually-hidden"
            {...{ webkitdirectory: '' }}
            onChange={(e) => {
              void addFiles(cls.id, [...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="button" aria-expanded={drawOpen} onClick={() => setDrawOpen(!drawOpen)}>
          Draw
        </button>
      </div>
      {drawOpen && (
        <div className="own-draw">
          <DrawPad onDrawing={setDrawing} />
          <button
            type="button"
            className="button"
            disabled={!drawing}
            onClick={() => drawing && addSamples(cls.id, [drawingSample(drawing)], 'drawing')}
          >
            Add this drawing
          </button>
        </div>
      )}
      {count === 0 ? (
        <p className="muted own-empty">Drop images or a folder here, or add them with the buttons.</p>
      ) : (
        <ul className="own-thumbs" aria-label={`Images of ${cls.name}`}>
          {cls.samples.slice(-SHOWN).map((s, i) => (
            <Thumb
              key={s.id}
              sample={s}
              label={`${cls.name} image ${count - Math.min(count, SHOWN) + i + 1}`}
              onDelete={() => removeSample(cls.id, s.id)}
            />
          ))}
        </ul>
      )}
      {count > SHOWN && (
        <p className="muted">
          The last {SHOWN} of {count} are shown.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={count === 0} onClick={() => clearClass(cls.id)}>
          Delete all images
        </button>
        <button type="button" className="button" onClick={() => removeClass(cls.id)}>
          Remove class
        </button>
      </div>
    </section>
  );
}
