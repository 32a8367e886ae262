import { describe, expect, it } from 'vitest';
import { ArgsError, parseTrainArgs } from '../../engine/cli/args';

describe('npm run train options', () => {
  it('defaults to a constant rate without warm-up', () => {
    const args = parseTrainArgs([]);
    expect(args.schedule).toBe('constant');
    expect(args.warmup).toBe(0);
    expect(args.lr).toBe(0.001);
  });

  it('reads a schedule and a warm-up', () => {
    const args = parseTrainArgs(['--schedule', 'cosine', '--warmup', '100', '--lr', '0.005']);
    expect(args).toMatchObject({ schedule: 'cosine', warmup: 100, lr: 0.005 });
  });

  it('explains a wrong schedule or warm-up in one line', () => {
    expect(() => parseTrainArgs(['--schedule', 'linear'])).toThrow(ArgsError);
    expect(() => parseTrainArgs(['--schedule', 'linear'])).toThrow(/--schedule must be one of constant, step/);
    expect(() => parseTrainArgs(['--warmup=1.5'])).toThrow(/--warmup must be a positive whole number/);
  });
});

describe('npm run train --export', () => {
  it('reads formats and the output folder, each format once', () => {
    const args = parseTrainArgs(['--export', 'tfjs, ONNX,pytorch,onnx', '--out', 'exported']);
    expect(args.export).toEqual(['tfjs', 'onnx', 'pytorch']);
    expect(args.out).toBe('exported');
    expect(parseTrainArgs([]).export).toEqual([]);
  });

  it('explains an unknown format, a missing --out and a lone --out in one line', () => {
    expect(() => parseTrainArgs(['--export', 'onnx,keras', '--out', 'x'])).toThrow(
      /--export: "keras" is not an export format; the formats are onnx, pytorch, tfjs\./,
    );
    expect(() => parseTrainArgs(['--export', 'onnx'])).toThrow(/--export needs --out DIR/);
    expect(() => parseTrainArgs(['--out', 'x'])).toThrow(/--out names the folder for --export/);
    expect(() => parseTrainArgs(['--export', ' , ', '--out', 'x'])).toThrow(ArgsError);
  });
});
