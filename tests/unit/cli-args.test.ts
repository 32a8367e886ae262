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
