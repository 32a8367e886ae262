/**
 * The multiclass SVM (hinge) loss on the lecture's three images, scores editable. For each image
 * the true class's score is compared with every other class's: a term max(0, s_j − s_y + 1) is
 * positive whenever a wrong class comes within the margin of 1. Each term, each image's loss and
 * the mean are computed by the engine's multiclassHinge.
 */
import { type ReactElement, useCallback, useState } from 'react';
import { TeX } from '../../app/ui/Math';
import { TensorGrid } from '../../app/ui/TensorGrid';
import { CLASSES, hinge, hingeTerm, LECTURE_SCORES, meanHinge, tidy } from './scores';

const IMAGES = ['image 1 (a dog)', 'image 2 (a cat)', 'image 3 (a cow)'];
const paren = (v: number): string => (v < 0 ? `(${tidy(v)})` : tidy(v));

export function HingeExplorer(): ReactElement {
  // The grid shows classes as rows and images as columns, as the lecture's table does.
  const [images, setImages] = useState<readonly (readonly number[])[]>(LECTURE_SCORES);
  const grid = CLASSES.flatMap((_, k) => images.map((img) => img[k]!));
  const onEdit = useCallback((index: number, value: number): void => {
    const k = Math.floor(index / 3);
    const i = index % 3;
    setImages((old) => old.map((img, ii) => (ii === i ? img.map((s, kk) => (kk === k ? value : s)) : img)));
  }, []);
  const mean = meanHinge(images, [0, 1, 2]);
  return (
    <div className="hinge" data-testid="hinge-explorer">
      <div className="hinge-table">
        <p className="grid-title">Scores: rows dog, cat, cow; columns images 1–3</p>
        <TensorGrid
          values={grid}
          rows={3}
          cols={3}
          label="Class scores"
          editable
          onEdit={onEdit}
          format={tidy}
          describe={(c) => `${CLASSES[c.row]} score for ${IMAGES[c.col]}: ${tidy(c.value)}`}
        />
      </div>
      <ol className="hinge-breakdown">
        {images.map((img, i) => {
          const others = [0, 1, 2].filter((j) => j !== i);
          const terms = others.map((j) => hingeTerm(img, i, j));
          const loss = hinge(img, i);
          return (
            <li key={IMAGES[i]} data-image={i} data-loss={loss}>
              <strong>{IMAGES[i]}</strong>, true class {CLASSES[i]}:
              <TeX
                block
                tex={`L_${i + 1} = ${others
                  .map((j) => `\\max(0,\\ ${paren(img[j]!)} - ${paren(img[i]!)} + 1)`)
                  .join(' + ')} = ${terms.map((t) => tidy(t)).join(' + ')} = ${tidy(loss)}`}
              />
            </li>
          );
        })}
      </ol>
      <p className="hinge-mean" data-testid="hinge-mean" data-loss={mean}>
        Mean over the three images: <TeX tex={`L = \\tfrac{1}{3}(L_1 + L_2 + L_3) = ${tidy(mean, 2)}`} />
      </p>
    </div>
  );
}
