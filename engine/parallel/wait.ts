/**
 * Waiting for a shared Int32 cell to change, without blocking an event loop where that can be
 * avoided: `Atomics.waitAsync` where the engine has it (Chromium, Node, Safari, recent Firefox);
 * elsewhere short blocking `Atomics.wait` slices with a task in between, so that messages (a
 * replica's death, a stop) still get through. Blocking waits are not allowed on a page's main
 * thread; the coordinator runs in the training worker and replicas in workers, where they are.
 */

/** Milliseconds one blocking wait lasts before the event loop gets a turn (fallback only). */
const SLICE_MS = 5;

type WaitAsync = (
  cells: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/**
 * Resolves once cells[index] is no longer `current`, or once `cancelled()` is true (checked
 * whenever the cell is woken and between fallback slices; call `Atomics.notify` after cancelling).
 */
export async function waitForChange(
  cells: Int32Array,
  index: number,
  current: number,
  cancelled: () => boolean = () => false,
): Promise<void> {
  while (Atomics.load(cells, index) === current && !cancelled()) {
    if (waitAsync) {
      const result = waitAsync(cells, index, current);
      if (result.async) await result.value;
    } else if (Atomics.wait(cells, index, current, SLICE_MS) === 'timed-out') {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
}

/** Stores `value` and wakes whoever waits on the cell. */
export function signal(cells: Int32Array, index: number, value: number): void {
  Atomics.store(cells, index, value);
  Atomics.notify(cells, index);
}
