/**
 * `convlab-layers.js`, the one custom layer a TF.js export can need: local response normalisation
 * (class_name 'ConvLabLRN' in model.json), which Keras and TF.js have no built-in layer for and no
 * exact composition of their layers computes. tf.localResponseNormalization is ConvLab's formula
 * exactly (alpha not divided by the window; window i - r .. i + r clipped to the channels), so the
 * layer only calls it, with r = floor(n / 2): for an even n ConvLab's window i - n/2 .. i + n/2 is
 * n + 1 channels, the same as TF's with r = n/2.
 *
 * The file is plain JavaScript that takes `tf` as an argument, so it needs no import resolution or
 * bundler and registers the class with the caller's own @tensorflow/tfjs (a class registered with
 * a different copy of tfjs would not be found by the caller's tf.loadLayersModel).
 */
import type { LayerSummary } from '../../spec/types';

export const CUSTOM_LAYERS_FILE = 'convlab-layers.js';
export const LRN_CLASS_NAME = 'ConvLabLRN';

/** Whether a model needs `convlab-layers.js` registered before tf.loadLayersModel. */
export function needsCustomLayers(layers: readonly LayerSummary[]): boolean {
  return layers.some((l) => l.type === 'lrn');
}

export const CUSTOM_LAYERS_JS = `/**
 * ConvLab's custom TensorFlow.js layers, for a model.json whose layers include class_name
 * "${LRN_CLASS_NAME}" (local response normalisation: neither Keras nor TF.js has an LRN layer).
 * Register them once, with your own @tensorflow/tfjs, before loading the model:
 *
 *   import * as tf from '@tensorflow/tfjs';
 *   import { registerConvLabLayers } from './${CUSTOM_LAYERS_FILE}';
 *   registerConvLabLayers(tf);
 *   const model = await tf.loadLayersModel('model.json');
 *
 * Without it tf.loadLayersModel stops with "Unknown layer: ${LRN_CLASS_NAME}".
 *
 * ${LRN_CLASS_NAME}, at each pixel, with a_i channel i of C (the last axis) and r = depth_radius:
 *   b_i = a_i / (bias + alpha * sum_{j=max(0,i-r)}^{min(C-1,i+r)} a_j^2)^beta
 * which is tf.localResponseNormalization exactly (alpha is not divided by the window size, as in
 * the AlexNet paper). ConvLab's window n is depth_radius = floor(n / 2); bias is ConvLab's k.
 */
export function registerConvLabLayers(tf) {
  class ${LRN_CLASS_NAME} extends tf.layers.Layer {
    constructor(config) {
      super(config);
      this.lrn = {
        depthRadius: config.depthRadius,
        bias: config.bias,
        alpha: config.alpha,
        beta: config.beta,
      };
    }

    computeOutputShape(inputShape) {
      return inputShape;
    }

    call(inputs) {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        // tf.localResponseNormalization takes [batch, H, W, C]; a vector [batch, C] is one pixel.
        const images = x.rank === 4 ? x : x.reshape([-1, 1, 1, x.shape[x.rank - 1]]);
        const { depthRadius, bias, alpha, beta } = this.lrn;
        return tf.localResponseNormalization(images, depthRadius, bias, alpha, beta).reshape(x.shape);
      });
    }

    getConfig() {
      return { ...super.getConfig(), ...this.lrn };
    }
  }
  ${LRN_CLASS_NAME}.className = '${LRN_CLASS_NAME}';
  tf.serialization.registerClass(${LRN_CLASS_NAME});
  return [${LRN_CLASS_NAME}];
}
`;
