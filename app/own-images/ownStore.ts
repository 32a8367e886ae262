/**
 * The student's own classes and images, in the page: 2-10 named classes, each a list of samples
 * kept as SIDE x SIDE RGBA (what a thumbnail draws and what every model input is made from). A
 * session's images live here only (nothing leaves the browser); saving is an explicit zip.
 */
import { create } from 'zustand';
import { MAX_CLASSES, MAX_OWN_IMAGES, MIN_CLASSES } from '../../engine/data/own-images';

/** Every sample is this many pixels a side: CIFAR-10's size, enough for a webcam gesture or object. */
export const SIDE = 32;

export type SampleSource = 'camera' | 'file' | 'drawing';

export interface Sample {
  readonly id: number;
  /** SIDE * SIDE * 4 bytes, row by row, RGBA. */
  readonly rgba: Uint8ClampedArray;
  readonly source: SampleSource;
}

export interface OwnClass {
  readonly id: number;
  readonly name: string;
  readonly samples: readonly Sample[];
}

interface OwnState {
  readonly classes: readonly OwnClass[];
  /** The last thing that could not be done, in words (too many images, files that were not images). */
  readonly notice: string | null;
}

let nextId = 1;
const newClass = (name: string): OwnClass => ({ id: nextId++, name, samples: [] });

export const useOwnImages = create<OwnState>(() => ({
  classes: [newClass('Class 1'), newClass('Class 2')],
  notice: null,
}));

export const totalImages = (classes: readonly OwnClass[]): number => classes.reduce((n, c) => n + c.samples.length, 0);

function setClasses(update: (classes: readonly OwnClass[]) => readonly OwnClass[], notice: string | null = null): void {
  useOwnImages.setState((s) => ({ classes: update(s.classes), notice }));
}

export function setNotice(notice: string | null): void {
  useOwnImages.setState({ notice });
}

export function addClass(): void {
  const { classes } = useOwnImages.getState();
  if (classes.length >= MAX_CLASSES) {
    setNotice(`A set has at most ${MAX_CLASSES} classes.`);
    return;
  }
  setClasses((cs) => [...cs, newClass(`Class ${cs.length + 1}`)]);
}

export function removeClass(id: number): void {
  const { classes } = useOwnImages.getState();
  if (classes.length <= MIN_CLASSES) {
    setNotice(`A set needs at least ${MIN_CLASSES} classes.`);
    return;
  }
  setClasses((cs) => cs.filter((c) => c.id !== id));
}

export function renameClass(id: number, name: string): void {
  setClasses((cs) => cs.map((c) => (c.id === id ? { ...c, name: name.slice(0, 40) } : c)));
}

/**
 * Adds images to a class, up to MAX_OWN_IMAGES in the whole set; what does not fit is named in
 * the notice. Returns how many were added.
 */
export function addSamples(classId: number, rgba: readonly Uint8ClampedArray[], source: SampleSource): number {
  const { classes } = useOwnImages.getState();
  const room = Math.max(0, MAX_OWN_IMAGES - totalImages(classes));
  const kept = rgba.slice(0, room);
  const dropped = rgba.length - kept.length;
  const notice =
    dropped > 0
      ? `A set holds at most ${MAX_OWN_IMAGES.toLocaleString('en-US')} images: ${dropped.toLocaleString('en-US')} were not added.`
      : null;
  const samples = kept.map((data) => ({ id: nextId++, rgba: data, source }));
  setClasses((cs) => cs.map((c) => (c.id === classId ? { ...c, samples: [...c.samples, ...samples] } : c)), notice);
  return kept.length;
}

export function removeSample(classId: number, sampleId: number): void {
  setClasses((cs) =>
    cs.map((c) => (c.id === classId ? { ...c, samples: c.samples.filter((s) => s.id !== sampleId) } : c)),
  );
}

export function clearClass(classId: number): void {
  setClasses((cs) => cs.map((c) => (c.id === classId ? { ...c, samples: [] } : c)));
}

/** Replaces the whole set (a loaded zip). */
export function replaceSet(named: readonly { name: string; samples: readonly Uint8ClampedArray[] }[]): void {
  const classes = named.map((c) => ({
    ...newClass(c.name),
    samples: c.samples.map((rgba) => ({ id: nextId++, rgba, source: 'file' as const })),
  }));
  useOwnImages.setState({ classes, notice: null });
}
