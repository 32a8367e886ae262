/**
 * The spec's documented limits, in one place (docs/model-spec.md, "Limits"). Specs come from
 * pasted text, files and share links, so every size is bounded before anything is allocated or
 * looped over: a kernel of 1e9 or a list of 30,000 layers is refused with a SpecError at once,
 * instead of freezing the tab. Each limit sits well above the largest reference network
 * (VGG-E: 143.7 M parameters, a 102.8 M-parameter dense layer; DenseNet-121: 427 layers).
 */

export const SPEC_LIMITS = {
  /** Layers in one spec. */
  layers: 2000,
  /** Characters in a layer id, an "input"/"with" reference or a concat input. */
  idLength: 100,
  /** Characters in the model's name. */
  nameLength: 500,
  /** Ids listed in one concat's "inputs". */
  concatInputs: 256,
  /** Nesting of the JSON (a spec needs 4: model, layers, layer, shape). */
  jsonDepth: 16,
  /** Characters of spec JSON text. */
  jsonChars: 2_000_000,
  /** Height or width of the input, and of any kernel, pool window, stride, dilation or padding. */
  spatial: 4096,
  /** Channels of the input, filters of a conv, units of a dense layer, lrn window. */
  channels: 65_536,
  /** Values in one layer's output (one sample). */
  tensorElements: 2 ** 28,
  /** Parameters of one layer, and of the whole model. */
  layerParams: 2 ** 30,
  totalParams: 2 ** 30,
} as const;

/** Longest word the "did you mean" hint compares; longer ones get no hint (edit distance is quadratic). */
export const SUGGEST_MAX_LENGTH = 64;

/**
 * How deep brackets nest in JSON text, scanning once without recursion (strings skipped), so
 * nesting 5,000 levels deep is refused before JSON.parse or any recursive check sees it.
 * Returns the depth, stopping early once it exceeds `stopAbove`.
 */
export function jsonTextDepth(text: string, stopAbove: number = SPEC_LIMITS.jsonDepth): number {
  let depth = 0;
  let most = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > most) most = depth;
      if (most > stopAbove) return most;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return most;
}

/**
 * Whether an already-parsed value nests no deeper than `max`, checked with an explicit stack
 * (no recursion) and visiting at most `maxNodes` values, so a hostile object costs bounded work.
 */
export function valueWithinDepth(value: unknown, max: number = SPEC_LIMITS.jsonDepth, maxNodes = 1_000_000): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  let visited = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max || ++visited > maxNodes) return false;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}
