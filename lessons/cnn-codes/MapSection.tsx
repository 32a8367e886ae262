/** Section 3: the 2-D map of the codes, made with UMAP in a worker. */
import type { ReactElement } from 'react';
import { Callout } from '../../app/ui/Callout';
import { Section } from '../../app/ui/Section';
import { CodesMap } from './CodesMap';
import type { CodesProps } from './codesProps';

export function MapSection(props: CodesProps): ReactElement {
  return (
    <Section id="map" title="A map of the codes">
      <p>
        Press <em>Compute codes</em>: the worker runs the validation images through the net up to the code layer and
        sends back the codes, the pixels and the labels. A second worker then places the points on the page with UMAP
        (the <code>umap-js</code> library), a close cousin of t-SNE: it builds a graph of each point’s 15 nearest
        neighbours in the 32-dimensional space and moves points in 2-D until that graph is kept as well as it can be.
        Its random choices come from a fixed seed, so the same codes always give the same map.
      </p>
      <CodesMap {...props} />
      <Callout tone="tip" title="Reading the map">
        Distances between far-apart clusters mean little on a UMAP or t-SNE map: only who is near whom is kept. Look at
        which digits touch (4 and 9, 3, 5 and 8 usually do), at lone dots inside another colour’s cluster (often a digit
        the net gets wrong), and at the same map from the raw pixels, where the clusters are looser and more mixed.
        Hover a dot, or focus the map and use the arrow keys, to see the digit.
      </Callout>
    </Section>
  );
}
