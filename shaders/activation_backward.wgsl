// activation_backward: dx[i] = dy[i] * f'(x[i]). The kinked ones take their branch from the
// input x and the rest of f' from the output y = f(x):
//   relu [x > 0]; leakyRelu x > 0 ? 1 : alpha; sigmoid y(1 - y); tanh 1 - y^2;
//   elu x > 0 ? 1 : y + alpha (= alpha e^x); softplus 1 - e^-y.
// Any alpha works, negative included (then y > 0 on both sides of the kink). Fused conv2d and
// dense activations keep no pre-activation copy and bind y as x too: their alpha is the default
// (0.01 or 1, positive), for which y > 0 exactly when x > 0.
//
// Bindings (group 0): 0 Params, 1 x, 2 y, 3 dy, 4 dx (written; may not alias dy; x may alias y).
// Workgroup: WG threads (override, default 64), one element per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch, as activation_forward.

struct Params {
  count: u32, alpha: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read> dy: array<f32>;
@group(0) @binding(4) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;
// The activation code (as in activation_forward.wgsl); a pipeline constant, so only its case is
// compiled (a software adapter runs every case of a runtime switch under a mask).
override ACT: u32 = 0;

// u = x[i] (the input, for the branch), v = y[i] (the output).
fn slope(u: f32, v: f32) -> f32 {
  switch ACT {
    case 1u: { return select(0.0, 1.0, u > 0.0); }
    case 2u: { return select(P.alpha, 1.0, u > 0.0); }
    case 3u: { return v * (1.0 - v); }
    case 4u: { return 1.0 - v * v; }
    case 5u: { return select(v + P.alpha, 1.0, u > 0.0); }
    case 6u: { return 1.0 - exp(-v); }
    default: { return 1.0; }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i < P.count) {
    dx[i] = dy[i] * slope(x[i], y[i]);
  }
}
