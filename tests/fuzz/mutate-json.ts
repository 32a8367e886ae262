/**
 * JSON mutations for the text formats (spec JSON, the share link's architecture, the .convlab
 * header): structural ones on the parsed value (huge numbers, values of the wrong kind,
 * prototype-named keys, deep nesting, thousands of keys or layers, megabyte strings) and textual
 * ones on the serialised text (cuts, doubled or missing spans, stray characters).
 *
 * Very deep or very long values are written into the text at the end through a placeholder, so
 * building a 5,000-level or 1 MB case costs the generator nothing recursive.
 */
import type { Random } from './random';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HUGE_NUMBERS = [
  1e6,
  1e7,
  1e8,
  1e9,
  1e12,
  1e308,
  -1,
  -1e9,
  0,
  0.5,
  2 ** 31,
  2 ** 32 + 1,
  2 ** 53 + 1,
  -0,
  1e-300,
  4097,
  65537,
] as const;
const WRONG_KINDS: readonly Json[] = [null, true, false, 'x', '', [], {}, [1, 2, 3], 'same', { a: 1 }, [[]], 3.5];
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  'isPrototypeOf',
  'toLocaleString',
] as const;
const DEPTHS = [17, 25, 200, 5000] as const;
const LONG_LENGTHS = [101, 501, 5000, 100_000, 1_000_000] as const;
const MANY = [257, 501, 2001, 5000, 30_006] as const;

/** Where a value sits: its container and key (an index for arrays). */
interface Slot {
  readonly parent: Json[] | { [key: string]: Json };
  readonly key: string | number;
}

/** Every slot in the value, breadth first, at most `max` of them. */
function slots(root: Json, max = 5000): Slot[] {
  const out: Slot[] = [];
  const queue: Json[] = [root];
  while (queue.length > 0 && out.length < max) {
    const node = queue.shift()!;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i });
        queue.push(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, child] of Object.entries(node)) {
        out.push({ parent: node, key: k });
        queue.push(child);
      }
    }
  }
  return out;
}

const get = (s: Slot): Json => (s.parent as Record<string | number, Json>)[s.key]!;
const set = (s: Slot, v: Json): void => {
  // defineProperty, so a key named "__proto__" becomes an own field, as JSON.parse makes it.
  Object.defineProperty(s.parent, s.key, { value: v, enumerable: true, writable: true, configurable: true });
};
const isContainer = (v: Json): v is Json[] | { [key: string]: Json } => typeof v === 'object' && v !== null;

/** Text spliced in after JSON.stringify, keyed by a placeholder string. */
class Placeholders {
  private readonly texts = new Map<string, string>();
  add(text: string): string {
    const key = `\u0001fuzz${this.texts.size}\u0001`;
    this.texts.set(key, text);
    return key;
  }
  apply(json: string): string {
    let out = json;
    for (const [key, text] of this.texts) out = out.split(JSON.stringify(key)).join(text);
    return out;
  }
}

type TreeMutation = (root: Json, rng: Random, late: Placeholders) => Json;

function anySlot(root: Json, rng: Random, want?: (v: Json) => boolean): Slot | null {
  const all = slots(root);
  const fitting = want ? all.filter((s) => want(get(s))) : all;
  const from = fitting.length > 0 ? fitting : all;
  return from.length > 0 ? rng.pick(from) : null;
}

function anyContainer(root: Json, rng: Random, arrays: boolean | null): Json[] | { [key: string]: Json } | null {
  const found = slots(root)
    .map(get)
    .filter(isContainer)
    .filter((v) => arrays === null || Array.isArray(v) === arrays);
  if (isContainer(root) && (arrays === null || Array.isArray(root) === arrays)) found.push(root);
  return found.length > 0 ? rng.pick(found) : null;
}

const TREE_MUTATIONS: Readonly<Record<string, TreeMutation>> = {
  hugeNumber(root, rng) {
    const s = anySlot(root, rng, (v) => typeof v === 'number');
    if (s) set(s, rng.pick(HUGE_NUMBERS));
    return root;
  },
  wrongKind(root, rng) {
    const s = anySlot(root, rng);
    if (s) set(s, structuredClone(rng.pick(WRONG_KINDS)));
    return root;
  },
  prototypeKey(root, rng) {
    const o = anyContainer(root, rng, false);
    if (o) {
      const value = rng.pick<Json>([{ test: 1 }, 1, 'x', null, [], { layers: [] }]);
      set({ parent: o, key: rng.pick(PROTOTYPE_KEYS) }, value);
    }
    return root;
  },
  deleteKey(root, rng) {
    const s = anySlot(root, rng);
    if (!s) return root;
    if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
    else delete s.parent[s.key as string];
    return root;
  },
  duplicateElement(root, rng) {
    const a = anyContainer(root, rng, true) as Json[] | null;
    if (a && a.length > 0) {
      const i = rng.int(a.length);
      a.splice(i, 0, structuredClone(a[i]!));
    }
    return root;
  },
  swapSiblings(root, rng) {
    const a = anyContainer(root, rng, true) as Json[] | null;
    if (a && a.length > 1) {
      const i = rng.int(a.length);
      const j = rng.int(a.length);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return root;
  },
  longString(root, rng, late) {
    const s = anySlot(root, rng, (v) => typeof v === 'string');
    if (s) set(s, late.add(JSON.stringify(rng.pick(['x', 'é', '\u{1F600}']).repeat(rng.pick(LONG_LENGTHS)))));
    return root;
  },
  longKey(root, rng) {
    const o = anyContainer(root, rng, false);
    if (o) set({ parent: o, key: 'k'.repeat(rng.pick(LONG_LENGTHS)) }, 1);
    return root;
  },
  deepNesting(root, rng, late) {
    const s = anySlot(root, rng);
    const n = rng.pick(DEPTHS);
    const [open, close] = rng.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
    const deep = `${open.repeat(n)}1${close.repeat(n)}`;
    if (s) set(s, late.add(deep));
    else return late.add(deep);
    return root;
  },
  manyKeys(root, rng) {
    const o = anyContainer(root, rng, false);
    const n = rng.pick(MANY);
    if (o) for (let i = 0; i < n; i++) set({ parent: o, key: `junk${i}` }, i);
    return root;
  },
  manyElements(root, rng) {
    const a = anyContainer(root, rng, true) as Json[] | null;
    if (a && a.length > 0) {
      const n = rng.pick(MANY);
      const item = a[rng.int(a.length)]!;
      while (a.length < n) a.push(structuredClone(item));
    }
    return root;
  },
  renameKey(root, rng) {
    const s = anySlot(root, rng, () => true);
    if (!s || Array.isArray(s.parent)) return root;
    const key = s.key as string;
    const value = get(s);
    delete s.parent[key];
    const typo = key.length > 1 ? key.slice(0, -1) : `${key}x`;
    set({ parent: s.parent, key: rng.pick([typo, key.toUpperCase(), `${key} `, '', rng.pick(PROTOTYPE_KEYS)]) }, value);
    return root;
  },
};

const HEAVY = new Set(['manyElements', 'manyKeys', 'longString', 'longKey', 'deepNesting', 'duplicateElement']);

const TEXT_NOISE = '{}[]",:0123456789eE-+.tfnul\\ \u0000\u00e9';

const TEXT_MUTATIONS: Readonly<Record<string, (text: string, rng: Random) => string>> = {
  truncate: (t, rng) => t.slice(0, rng.int(t.length + 1)),
  deleteSpan(t, rng) {
    const at = rng.int(t.length + 1);
    return t.slice(0, at) + t.slice(at + rng.between(1, 40));
  },
  duplicateSpan(t, rng) {
    const at = rng.int(t.length + 1);
    return t.slice(0, at) + t.slice(at, at + rng.between(1, 200)) + t.slice(at);
  },
  strayCharacters(t, rng) {
    let out = t;
    for (let i = rng.between(1, 4); i > 0; i--) {
      const at = rng.int(out.length + 1);
      out = out.slice(0, at) + rng.pick([...TEXT_NOISE]) + out.slice(at + (rng.chance(0.5) ? 1 : 0));
    }
    return out;
  },
};

export const JSON_MUTATION_NAMES: readonly string[] = [...Object.keys(TREE_MUTATIONS), ...Object.keys(TEXT_MUTATIONS)];

/**
 * One to three mutations of a JSON value, returned as text: mostly structural (the parsers'
 * checks are what is under test), sometimes textual (the JSON reader's own errors).
 */
export function mutateJson(value: unknown, rng: Random): { text: string; how: string[] } {
  let root = structuredClone(value) as Json;
  const late = new Placeholders();
  const how: string[] = [];
  const rounds = rng.chance(0.7) ? 1 : rng.between(2, 3);
  const textual: string[] = [];
  let heavyDone = false;
  for (let i = 0; i < rounds; i++) {
    if (rng.chance(0.8)) {
      // At most one heavy mutation a case: two stacked (30,006 layers of 30,006 elements) would
      // make a case the generator itself cannot write.
      const names = Object.keys(TREE_MUTATIONS).filter((n) => !(heavyDone && HEAVY.has(n)));
      const name = rng.pick(names);
      if (HEAVY.has(name)) heavyDone = true;
      root = TREE_MUTATIONS[name]!(root, rng, late);
      how.push(name);
    } else textual.push(rng.pick(Object.keys(TEXT_MUTATIONS)));
  }
  let text = late.apply(JSON.stringify(root));
  for (const name of textual) {
    text = TEXT_MUTATIONS[name]!(text, rng);
    how.push(name);
  }
  return { text, how };
}
