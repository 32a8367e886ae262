// globalavgpool_backward: dx[n, c, h, w] = dy[n, c] / (H*W).
//
// Bindings (group 0): 0 Params, 1 dy [N, C], 2 dx [N, C, H, W] (overwritten).
// Workgroup: WG threads (override, default 64), one input element per thread.
// Dispatch: ceil(N*C*H*W / WG) workgroups via linearDispatch.

struct Params {
  planes: u32, size: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read_write> dx: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.planes * P.size) {
    return;
  }
  dx[i] = dy[i / P.size] / f32(P.size);
}
