/**
 * Minimal types for the untyped peers the bench drives: only what bench/engines/convnetjs.ts uses.
 * ConvNetJS 0.3 (npm `convnetjs`) is a CommonJS build with no declarations.
 */
declare module 'convnetjs' {
  export class Vol {
    constructor(sx: number, sy: number, depth: number, c?: number);
    sx: number;
    sy: number;
    depth: number;
    /** sx * sy * depth values, laid out ((y * sx) + x) * depth + d. */
    w: Float64Array | number[];
  }

  export interface LayerDef {
    type: 'input' | 'conv' | 'pool' | 'fc' | 'softmax';
    [option: string]: number | string;
  }

  export class Net {
    makeLayers(defs: LayerDef[]): void;
    forward(v: Vol, isTraining?: boolean): Vol;
    getPrediction(): number;
  }

  export interface TrainerOptions {
    method: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad';
    learning_rate: number;
    momentum: number;
    batch_size: number;
    l2_decay: number;
  }

  export interface TrainStats {
    loss: number;
    cost_loss: number;
  }

  export class Trainer {
    constructor(net: Net, options: Partial<TrainerOptions>);
    train(x: Vol, y: number): TrainStats;
  }

  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer };
  export default convnetjs;
}
