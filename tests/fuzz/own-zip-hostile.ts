/**
 * The hostile saved sets of your own images, one case each: zip bombs that lie about sizes
 * (deflated entries declaring 8 MB each, and 5,000 directory entries sharing one stored 1 MB
 * entry, which unpacks to 5 GB without any compression), 10,002 entries, 10,001 listed images,
 * path-traversal names, entries that are not PNGs or claim 100,000-pixel sides, and labels.json
 * in bad shapes. Also the largest valid set (10,000 images), which must be accepted.
 */
import { strToU8, zipSync } from 'fflate';
import { isSetFileError, readSetZip, SET_FILE_FORMAT } from '../../app/own-images/setZip';
import { joinBytes } from './mutate-bytes';
import { centralHeaders, pngClaiming, type SetSeed, setSeed, solidPng, withDeclaredSize, zipSet } from './own-zip';
import { attempt } from './targets';
import type { Verdict } from './verdict';

interface OwnZipHostile {
  readonly parser: 'ownzip';
  readonly name: string;
  readonly heavy?: boolean;
  readonly expected?: 'refused' | 'accepted';
  build(): () => Promise<Verdict>;
}

const MiB = 1 << 20;
const zipCase = (name: string, zip: () => Uint8Array, expected?: 'accepted', heavy = false): OwnZipHostile => ({
  parser: 'ownzip',
  name,
  heavy,
  ...(expected ? { expected } : {}),
  build() {
    const bytes = zip();
    return () => attempt(() => readSetZip(bytes), isSetFileError);
  },
});
const labelsText = (classes: unknown): string =>
  JSON.stringify({ format: SET_FILE_FORMAT, version: 1, side: 32, classes });

/** `count` tiny PNGs split over two classes, all listed. */
function bigSet(count: number): SetSeed {
  const png = solidPng(1, 1, [200, 0, 0]);
  const files: Record<string, Uint8Array> = {};
  const half = Math.ceil(count / 2);
  const classes = [0, 1].map((c) => {
    const n = c === 0 ? half : count - half;
    const paths = Array.from({ length: n }, (_, i) => `0${c + 1}-c/${String(i + 1).padStart(5, '0')}.png`);
    for (const p of paths) files[p] = png;
    return { name: `Class ${c + 1}`, files: paths };
  });
  return { labels: { format: SET_FILE_FORMAT, version: 1, side: 32, classes }, files };
}

/** Deflated entries of a few bytes each whose directory says they unpack to `declared` bytes. */
export function lyingDeflateBomb(entries: number, declared: number): Uint8Array {
  const zip = zipSet(bigSet(entries), undefined, true);
  let out = zip;
  for (const h of centralHeaders(zip)) {
    const nameLength = zip[h + 28]! | (zip[h + 29]! << 8);
    const name = new TextDecoder().decode(zip.subarray(h + 46, h + 46 + nameLength));
    if (name !== 'labels.json') out = withDeclaredSize(out, h, declared, 'unpacked');
  }
  return out;
}

/**
 * The overlapped zip bomb (no compression): one stored entry of `entryMiB` MiB, and `copies`
 * central-directory entries all pointing at it under different names, all listed in labels.json.
 */
export function overlappedBomb(copies: number, entryMiB: number): Uint8Array {
  const body = new Uint8Array(entryMiB * MiB);
  body.set(solidPng(1, 1, [0, 0, 0]));
  const first = '01-c/00001.png';
  const zip = zipSync({ [first]: [body, { level: 0 }] });
  const central = centralHeaders(zip).at(-1)!;
  const end = zip.length - 22;
  const header = zip.slice(central, end);
  const names = Array.from({ length: copies }, (_, i) => `0${(i % 2) + 1}-c/${String(i + 1).padStart(5, '0')}.png`);
  const labels = strToU8(
    labelsText([0, 1].map((c) => ({ name: `C${c}`, files: names.filter((_, i) => i % 2 === c) }))),
  );
  // labels.json stored after the big entry: its local header, then the whole central directory.
  const labelsZip = zipSync({ 'labels.json': [labels, { level: 0 }] });
  const labelsLocal = labelsZip.subarray(0, centralHeaders(labelsZip)[0]!);
  const labelsCentral = labelsZip.slice(centralHeaders(labelsZip)[0]!, labelsZip.length - 22);
  new DataView(labelsCentral.buffer).setUint32(42, central, true);
  const entries = names.map((name) => {
    const h = header.slice();
    h.set(strToU8(name), 46);
    return h;
  });
  const dirStart = central + labelsLocal.length;
  const dirSize = entries.length * header.length + labelsCentral.length;
  const eocd = zip.slice(end);
  const view = new DataView(eocd.buffer);
  view.setUint16(8, Math.min(0xffff, copies + 1), true);
  view.setUint16(10, Math.min(0xffff, copies + 1), true);
  view.setUint32(12, dirSize, true);
  view.setUint32(16, dirStart, true);
  return joinBytes(zip.subarray(0, central), labelsLocal, ...entries, labelsCentral, eocd);
}

const withFile = (path: string, bytes: Uint8Array, listed = true): Uint8Array => {
  const seed = setSeed(2, 5);
  const labels = listed
    ? {
        ...seed.labels,
        classes: [
          { ...seed.labels.classes[0]!, files: [...seed.labels.classes[0]!.files, path] },
          seed.labels.classes[1]!,
        ],
      }
    : seed.labels;
  return zipSet({ labels, files: { ...seed.files, [path]: bytes } });
};
const withLabels = (text: string): Uint8Array => zipSet(setSeed(2, 5), text);
const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

export const OWN_ZIP_HOSTILE: readonly OwnZipHostile[] = [
  zipCase('3,000 deflated entries each declaring 8 MB (24 GB)', () => lyingDeflateBomb(3000, 8 * MiB - 1)),
  zipCase('an entry declaring 4 GiB', () => lyingDeflateBomb(10, 0xffffffff)),
  zipCase(
    '5,000 directory entries sharing one stored 1 MiB entry (5 GiB)',
    () => overlappedBomb(5000, 1),
    undefined,
    true,
  ),
  zipCase('200 directory entries sharing one stored 1 MiB entry', () => overlappedBomb(200, 1)),
  zipCase('10,002 entries', () => zipSet(bigSet(10_001))),
  zipCase('labels.json listing 10,001 images', () => zipSet({ labels: bigSet(10_001).labels, files: {} })),
  zipCase('largest set accepted: 10,000 images', () => zipSet(bigSet(10_000)), 'accepted'),
  zipCase('entry named ../../evil.png', () => withFile('../../evil.png', solidPng(1, 1, [0, 0, 0]), false)),
  zipCase('listed entry named /etc/passwd', () => withFile('/etc/passwd', solidPng(1, 1, [0, 0, 0]))),
  zipCase('listed entry named 01-c/../../x.png', () => withFile('01-c/../../x.png', solidPng(1, 1, [0, 0, 0]))),
  zipCase('listed entry named __proto__', () => withFile('__proto__', solidPng(1, 1, [0, 0, 0]))),
  zipCase('listed entry that is a text file', () => withFile('01-c/x.png', strToU8('hello'))),
  zipCase('listed PNG claiming 100,000 x 100,000 pixels', () => withFile('01-c/x.png', pngClaiming(100_000, 100_000))),
  zipCase('labels.json that is not JSON', () => withLabels('{"format": "convlab-own-images", ')),
  zipCase('labels.json nested 5,000 deep', () =>
    withLabels(`{"format":"${SET_FILE_FORMAT}","version":1,"classes":${deep(5000)}}`),
  ),
  zipCase('labels.json with a __proto__ class', () =>
    withLabels(`{"format":"${SET_FILE_FORMAT}","version":1,"classes":[{"__proto__":{"name":"x","files":[]}},{}]}`),
  ),
  zipCase('labels.json with 11 classes', () =>
    withLabels(labelsText(Array.from({ length: 11 }, () => ({ name: 'a', files: [] })))),
  ),
  zipCase('labels.json with a class named by a number', () =>
    withLabels(
      labelsText([
        { name: 1, files: [] },
        { name: 'b', files: [] },
      ]),
    ),
  ),
  zipCase('labels.json listing a file that is not there', () =>
    withLabels(
      labelsText([
        { name: 'a', files: ['nope.png'] },
        { name: 'b', files: [] },
      ]),
    ),
  ),
  zipCase('labels.json listing itself as an image', () =>
    withLabels(
      labelsText([
        { name: 'a', files: ['labels.json'] },
        { name: 'b', files: [] },
      ]),
    ),
  ),
];
