// split_sum: out[i] = sum over s of partial[s * count + i], the second half of a split
// reduction (conv2d_backward_weights' batch slices, bias gradients' per-sample sums).
//
// Bindings (group 0): 0 Params, 1 partial [splits, count], 2 out [count] (overwritten).
// Workgroup: WG threads (override, default 64), one output element per thread.
// Dispatch: ceil(count / WG) workgroups via linearDispatch.
// Reduction: serial over s in a fixed order (deterministic); four running sums break the
//   dependency chain.

struct Params {
  count: u32, splits: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> partial: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.count) {
    return;
  }
  var s = vec4f(0.0);
  var k = 0u;
  for (; k + 4u <= P.splits; k += 4u) {
    s += vec4f(
      partial[k * P.count + i],
      partial[(k + 1u) * P.count + i],
      partial[(k + 2u) * P.count + i],
      partial[(k + 3u) * P.count + i],
    );
  }
  var total = (s.x + s.y) + (s.z + s.w);
  for (; k < P.splits; k++) {
    total += partial[k * P.count + i];
  }
  out[i] = total;
}
