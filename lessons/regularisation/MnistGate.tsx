/** Renders its children with the embedded digits once they are loaded; a message while loading or on failure. */
import type { ReactElement } from 'react';
import type { Dataset } from '../../engine/data/dataset';
import { useMnist } from '../images-are-tensors/useMnist';

export function MnistGate({ children }: { readonly children: (mnist: Dataset) => ReactElement }): ReactElement {
  const mnist = useMnist();
  if (mnist.status === 'loading') return <p className="muted">Loading the digits…</p>;
  if (mnist.status === 'error') return <p className="field-message--error">{mnist.message}</p>;
  return children(mnist.dataset);
}
