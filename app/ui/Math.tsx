/**
 * The `Math` widget (exported as `TeX`, because a binding named `Math` would shadow the global
 * Math object in every file that imports it). Renders TeX with KaTeX, inline or as a display block. `katex.renderToString` runs synchronously
 * and is memoised on the TeX, so math costs nothing on re-render; `throwOnError: false` means a typo
 * in a formula shows up red in place instead of crashing the lesson. KaTeX emits MathML alongside
 * the HTML, which screen readers read.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { type ReactElement, useMemo } from 'react';
import { useScrollFocus } from './useScrollFocus';

export interface MathProps {
  /** TeX source, e.g. `n \cdot CHW + c \cdot HW`. */
  readonly tex: string;
  /** Display (block, centred) rather than inline. */
  readonly block?: boolean;
  readonly className?: string;
}

export function TeX({ tex, block = false, className }: MathProps): ReactElement {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' }),
    [tex, block],
  );
  // A display formula wider than a phone scrolls sideways inside its block: keyboard users reach it too.
  const scrollRef = useScrollFocus<HTMLDivElement>(undefined, [html]);
  const classes = ['math', block ? 'math--block' : '', className ?? ''].filter(Boolean).join(' ');
  if (block) {
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output from TeX written in the lessons.
    return <div ref={scrollRef} className={classes} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output from TeX written in the lessons.
  return <span className={classes} dangerouslySetInnerHTML={{ __html: html }} />;
}
