/**
 * The webcam, asked for only when the student presses "Turn on the camera", with every answer a
 * browser can give turned into words: allowed, refused, no camera, or no camera access at all
 * (plain http other than localhost). Frames are read from the page's <video> and never leave it.
 */
import { create } from 'zustand';
import { squareSample } from './intake';

export type CameraState =
  | { readonly kind: 'off' }
  | { readonly kind: 'asking' }
  | { readonly kind: 'on'; readonly stream: MediaStream }
  | { readonly kind: 'problem'; readonly message: string };

export const useCamera = create<{ readonly state: CameraState }>(() => ({ state: { kind: 'off' } }));

let video: HTMLVideoElement | null = null;

/** The <video> that shows the stream (CameraView registers it). */
export function attachVideo(element: HTMLVideoElement | null): void {
  video = element;
  const { state } = useCamera.getState();
  if (video && state.kind === 'on' && video.srcObject !== state.stream) {
    video.srcObject = state.stream;
    void video.play().catch(() => undefined);
  }
}

function problemText(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The camera was not allowed. To use it, allow camera access for this page in the browser (the camera icon in the address bar), then press "Turn on the camera" again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Plug one in, or add images from files or by drawing.';
    case 'NotReadableError':
      return 'The camera is busy in another application. Close it there and try again.';
    default:
      return 'The camera could not be started. Add images from files or by drawing instead.';
  }
}

export async function turnOnCamera(): Promise<void> {
  if (!navigator.mediaDevices?.getUserMedia) {
    useCamera.setState({
      state: {
        kind: 'problem',
        message: 'This page cannot use a camera here: browsers allow cameras only on https:// pages and on localhost.',
      },
    });
    return;
  }
  useCamera.setState({ state: { kind: 'asking' } });
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 320 }, height: { ideal: 240 }, facingMode: 'user' },
      audio: false,
    });
    useCamera.setState({ state: { kind: 'on', stream } });
    attachVideo(video);
  } catch (error) {
    useCamera.setState({ state: { kind: 'problem', message: problemText(error) } });
  }
}

export function turnOffCamera(): void {
  const { state } = useCamera.getState();
  if (state.kind === 'on') for (const track of state.stream.getTracks()) track.stop();
  if (video) video.srcObject = null;
  useCamera.setState({ state: { kind: 'off' } });
}

/** The current frame as a sample, or null when the camera is off or has no frame yet. */
export function grabFrame(): Uint8ClampedArray | null {
  if (useCamera.getState().state.kind !== 'on' || !video || video.videoWidth === 0) return null;
  return squareSample(video, video.videoWidth, video.videoHeight);
}
