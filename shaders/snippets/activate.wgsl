// Snippet activate: f(v) for the activation code ACT, shared by every kernel that fuses an
// activation (conv2d_forward, matmul, activation_forward). Not a kernel: engine/gpu/pipelines.ts
// appends it to each kernel whose header has the line `// Snippets: activate`, so the function is
// written once and the kernels stay real .wgsl files.
//
// Needs the kernel to declare `override ACT: u32` (0 none, 1 relu, 2 leakyRelu, 3 sigmoid, 4 tanh,
// 5 elu, 6 softplus: engine/gpu/activation-code.ts; definitions as engine/cpu/activations.ts). ACT
// is a pipeline constant, so only its case is compiled (a software adapter runs every case of a
// runtime switch under a mask). `alpha` is leakyRelu's slope or elu's alpha.

fn activate(v: f32, alpha: f32) -> f32 {
  switch ACT {
    case 1u: { return max(v, 0.0); }
    case 2u: { return select(alpha * v, v, v > 0.0); }
    case 3u: { return 1.0 / (1.0 + exp(-v)); }
    case 4u: { return tanh(v); }
    case 5u: { return select(alpha * (exp(v) - 1.0), v, v > 0.0); }
    case 6u: { return max(v, 0.0) + log(1.0 + exp(-abs(v))); }
    default: { return v; }
  }
}
