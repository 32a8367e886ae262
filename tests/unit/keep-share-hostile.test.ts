/**
 * Hostile share links and .convlab files (issue 14): refused by a documented limit checked first,
 * each refusal a sentence (a notice or a ModelFileError), never a raw JavaScript message.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeModelFile,
  isModelFileError,
  MAX_MODEL_FILE_BYTES,
  type ModelFileError,
  readModelFile,
} from '../../app/studio/keep/modelFile';
import {
  decodeShare,
  MAX_LISTED_UNKNOWN_KEYS,
  MAX_SHARE_QUERY_CHARS,
  MAX_SHARED_LAYERS,
  toBase64Url,
} from '../../app/studio/keep/share';

const input = { type: 'input', shape: [1, 28, 28] };
const linkFor = (spec: unknown): string => `v=1&a=${toBase64Url(JSON.stringify(spec))}`;

describe('hostile share links', () => {
  it('a link over the size limit is refused before it is decoded', () => {
    const query = `v=1&a=${'A'.repeat(MAX_SHARE_QUERY_CHARS)}`;
    const shared = decodeShare(query);
    expect(shared.spec).toBeNull();
    expect(shared.notices).toEqual([
      `Ignored the link: it is ${(MAX_SHARE_QUERY_CHARS + 6).toLocaleString('en-US')} characters long, more than the ${MAX_SHARE_QUERY_CHARS.toLocaleString('en-US')} a ConvLab link can be.`,
    ]);
  });

  it('an architecture with too many layers is ignored by its layer count', () => {
    const layers = [input, ...Array.from({ length: MAX_SHARED_LAYERS + 1 }, () => ({ type: 'flatten' }))];
    const shared = decodeShare(linkFor({ layers }));
    expect(shared.spec).toBeNull();
    expect(shared.notices).toContain(
      `Ignored the shared architecture: it has ${(MAX_SHARED_LAYERS + 2).toLocaleString('en-US')} layers, more than the ${MAX_SHARED_LAYERS} a shared architecture can have.`,
    );
  });

  it('30,000 layers in a link are refused by the link size', () => {
    const layers = [input, ...Array.from({ length: 30_000 }, () => ({ type: 'flatten' }))];
    const shared = decodeShare(linkFor({ layers }));
    expect(shared.spec).toBeNull();
    expect(shared.notices[0]).toMatch(/^Ignored the link: it is [\d,]+ characters long/);
  });

  it('5,000 unknown keys give a few lines and a count', () => {
    const query = ['v=1', ...Array.from({ length: 5000 }, (_, i) => `junk${i}=1`)].join('&');
    const shared = decodeShare(query);
    expect(shared.notices).toHaveLength(MAX_LISTED_UNKNOWN_KEYS + 1);
    expect(shared.notices[0]).toBe('Ignored “junk0”: it is not a setting ConvLab knows.');
    expect(shared.notices[MAX_LISTED_UNKNOWN_KEYS]).toBe(
      `… and ${(5000 - MAX_LISTED_UNKNOWN_KEYS).toLocaleString('en-US')} more settings ConvLab does not know, also ignored.`,
    );
  });

  it('a kernel of 1e9, a __proto__ field and 5,000-deep nesting become notices in words', () => {
    const kernel = decodeShare(linkFor({ layers: [input, { type: 'conv2d', filters: 4, kernel: 1e9 }] }));
    expect(kernel.notices).toContain(
      'Ignored the shared architecture: Layer 1 (conv2d_1): "kernel" is 1000000000, more than ConvLab allows (at most 4096).',
    );
    const proto = decodeShare(
      `v=1&a=${toBase64Url('{"layers":[{"type":"input","shape":[1,28,28]},{"type":"flatten","__proto__":{"test":1}}]}')}`,
    );
    expect(proto.spec).toBeNull();
    expect(proto.notices[0]).toMatch(
      /^Ignored the shared architecture: Layer 1 \(flatten_1\): a flatten layer has no field "__proto__"/,
    );
    const deep = decodeShare(`v=1&a=${toBase64Url(`{"layers":${'['.repeat(5000)}${']'.repeat(5000)}}`)}`);
    expect(deep.notices[0]).toMatch(
      /^Ignored the shared architecture: it nests lists and objects more than \d+ levels deep/,
    );
  });
});

/** A .convlab file with the given header text and no weights (enough to reach the header checks). */
function fileWithHeader(header: string): Uint8Array {
  const text = new TextEncoder().encode(header);
  const out = new Uint8Array(16 + text.length);
  out.set([0x89, 0x43, 0x4f, 0x4e, 0x56, 0x4c, 0x41, 0x42]);
  const view = new DataView(out.buffer);
  view.setUint32(8, 1, true);
  view.setUint32(12, text.length, true);
  out.set(text, 16);
  return out;
}

function fileError(run: () => unknown): ModelFileError {
  try {
    run();
  } catch (error) {
    expect(isModelFileError(error)).toBe(true);
    return error as ModelFileError;
  }
  throw new Error('expected a ModelFileError, but nothing was thrown');
}

describe('hostile .convlab files', () => {
  const base = { name: 'x', savedAt: '2026-01-01T00:00:00.000Z' };

  it('a file over the size limit is refused before it is read', async () => {
    let read = false;
    const huge = {
      size: 600 * 1024 * 1024,
      arrayBuffer: (): Promise<ArrayBuffer> => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
    } as unknown as Blob;
    await expect(readModelFile(huge)).rejects.toThrow(
      `This file is 600 MB, more than the ${MAX_MODEL_FILE_BYTES / 1024 / 1024} MB a ConvLab model file can be, so it was not opened.`,
    );
    expect(read).toBe(false);
  });

  it('a spec with a kernel of 1e9 or a __proto__ field is a spec refusal in words', () => {
    const kernel = fileWithHeader(
      JSON.stringify({ ...base, spec: { layers: [input, { type: 'conv2d', filters: 4, kernel: 1e9 }] } }),
    );
    const k = fileError(() => decodeModelFile(kernel));
    expect(k.message).toBe(
      'The model in this file is not a valid ConvLab model: Layer 1 (conv2d_1): "kernel" is 1000000000, more than ConvLab allows (at most 4096).',
    );
    const proto = fileWithHeader(
      `{"name":"x","savedAt":"2026-01-01T00:00:00.000Z","spec":{"layers":[{"type":"input","shape":[1,28,28]},{"type":"flatten","toString":1}]}}`,
    );
    expect(fileError(() => decodeModelFile(proto)).message).toMatch(/a flatten layer has no field "toString"/);
  });

  it('a header nested 5,000 deep is damaged, not a stack overflow', () => {
    const deep = fileWithHeader(`{"name":"x","history":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(fileError(() => decodeModelFile(deep)).message).toBe(
      'This model file is damaged: its header nests far too deep. Export it again from the studio it came from.',
    );
  });

  it('a header field of the wrong kind is refused in a sentence', () => {
    const header = JSON.stringify({ ...base, spec: { layers: [input, { type: 'flatten' }] }, hyper: 'bogus' });
    const error = fileError(() => decodeModelFile(fileWithHeader(header)));
    expect(error.message).not.toMatch(/Cannot read|undefined|TypeError|RangeError/);
    expect(error.message).toMatch(/^This model file is damaged: /);
  });
});
