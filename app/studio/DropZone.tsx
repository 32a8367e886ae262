/**
 * Drop the official dataset files here (or pick them with the file input): the four MNIST .gz
 * files, or CIFAR-10's cifar-10-binary.tar.gz (or its .bin batches). The worker decides which
 * dataset they are and explains in place when it cannot.
 */
import { type DragEvent, type ReactElement, useId, useState } from 'react';
import { loadFiles } from './actions';

export function DropZone({ disabled }: { readonly disabled: boolean }): ReactElement {
  const id = useId();
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !disabled) void loadFiles(files);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input is the accessible way
    <div
      className={over ? 'drop-zone is-over' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <label htmlFor={id}>Or drop the official files here, or choose them:</label>
      <input
        id={id}
        type="file"
        multiple
        disabled={disabled}
        accept=".gz,.tar,.tgz,.bin,.idx3-ubyte,.idx1-ubyte"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          if (files.length > 0) void loadFiles(files);
        }}
      />
    </div>
  );
}
