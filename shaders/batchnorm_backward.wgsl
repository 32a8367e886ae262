// batchnorm_backward (training mode): per channel c, with m = N*size,
//   dgamma = sum dy*xhat,  dbeta = sum dy,
//   dx = gamma*invStd * (dy - dbeta/m - xhat*dgamma/m)
// (the batch mean and variance depend on every input; engine/cpu/batchnorm.ts).
//
// Bindings (group 0): 0 Params, 1 dy, 2 xhat, 3 gamma [C], 4 invStd [C] (from the forward pass),
//   5 dx (overwritten), 6 dgamma [C] (overwritten), 7 dbeta [C] (overwritten).
// Workgroup: WG threads (override, default 256, a power of two), one workgroup per channel:
//   both sums are reduced in workgroup memory, then every thread writes its share of dx.
// Dispatch: (C, 1, 1).

struct Params {
  batch: u32, channels: u32, size: u32, momentum: f32, epsilon: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> xhat: array<f32>;
@group(0) @binding(3) var<storage, read> gamma: array<f32>;
@group(0) @binding(4) var<storage, read> invStd: array<f32>;
@group(0) @binding(5) var<storage, read_write> dx: array<f32>;
@group(0) @binding(6) var<storage, read_write> dgamma: array<f32>;
@group(0) @binding(7) var<storage, read_write> dbeta: array<f32>;

override WG: u32 = 256;

var<workgroup> sumDy: array<f32, WG>;
var<workgroup> sumDyXhat: array<f32, WG>;

fn at(c: u32, i: u32) -> u32 {
  return ((i / P.size) * P.channels + c) * P.size + i % P.size;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let c = wid.x;
  let m = P.batch * P.size;
  var a = 0.0;
  var b = 0.0;
  for (var i = lid; i < m; i += WG) {
    let j = at(c, i);
    a += dy[j];
    b += dy[j] * xhat[j];
  }
  sumDy[lid] = a;
  sumDyXhat[lid] = b;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half /= 2u) {
    if (lid < half) {
      sumDy[lid] += sumDy[lid + half];
      sumDyXhat[lid] += sumDyXhat[lid + half];
    }
    workgroupBarrier();
  }
  let meanDy = sumDy[0] / f32(m);
  let meanDyXhat = sumDyXhat[0] / f32(m);
  let k = gamma[c] * invStd[c];
  for (var i = lid; i < m; i += WG) {
    let j = at(c, i);
    dx[j] = k * (dy[j] - meanDy - xhat[j] * meanDyXhat);
  }
  if (lid == 0u) {
    dgamma[c] = sumDyXhat[0];
    dbeta[c] = sumDy[0];
  }
}
