// augment_batch: data augmentation of a gathered batch, as engine/data/augment.ts augmentBatch
// does it on the CPU: crop with zero padding, then mirror, then brightness/contrast jitter
// clamped to [0, 1]. Each image's random choices are drawn on the CPU (drawAugments, in
// augmentBatch's order) and uploaded per step, so both backends augment alike.
//   out[b, c, y, x] = raw[b, c, y + dy, sx + dx] (0 outside the image), sx = W-1-x if flipped, else x
//   with JITTER: out = clamp((out - mean) * scale + mean + offset, 0, 1), mean over the image's
//   cropped and mirrored values.
//
// Bindings (group 0): 0 Params, 1 raw [N, C, H, W] (gather_batch's output), 2 augments [N, 5] as
//   f32 (dy, dx, flip 0 or 1, offset, scale), 3 out [N, C, H, W] (overwritten; the model's input).
// Workgroup: WG threads (override, default 64), one image per thread: a batch is a few dozen
//   images of at most a few thousand values, and the mean needs the whole image.
// Dispatch: ceil(N / WG) workgroups; see engine/gpu/augment.ts.
// JITTER (override): 1 when brightness or contrast is on; 0 compiles the mean and clamp out, so
//   crop and flip alone copy values exactly.

struct Params {
  batch: u32, channels: u32, height: u32, width: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> raw: array<f32>;
@group(0) @binding(2) var<storage, read> augments: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

override WG: u32 = 64;
override JITTER: u32 = 0;

// raw[b, c, y + dy, sx + dx] with sx the (mirrored) column, or 0 outside the image.
fn shifted(base: u32, y: i32, x: i32, dy: i32, dx: i32, flip: bool) -> f32 {
  let sx = select(x, i32(P.width) - 1 - x, flip) + dx;
  let sy = y + dy;
  let inside = sy >= 0 && sy < i32(P.height) && sx >= 0 && sx < i32(P.width);
  let at = base + u32(max(sy, 0)) * P.width + u32(max(sx, 0));
  return select(0.0, raw[at], inside);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let b = (wid.y * nwg.x + wid.x) * WG + lid;
  if (b >= P.batch) {
    return;
  }
  let dy = i32(augments[b * 5u]);
  let dx = i32(augments[b * 5u + 1u]);
  let flip = augments[b * 5u + 2u] != 0.0;
  let plane = P.height * P.width;
  let start = b * P.channels * plane;
  var mean = 0.0;
  if (JITTER == 1u) {
    var sum = 0.0;
    for (var c = 0u; c < P.channels; c++) {
      for (var y = 0; y < i32(P.height); y++) {
        for (var x = 0; x < i32(P.width); x++) {
          sum += shifted(start + c * plane, y, x, dy, dx, flip);
        }
      }
    }
    mean = sum / f32(P.channels * plane);
  }
  let offset = augments[b * 5u + 3u];
  let scale = augments[b * 5u + 4u];
  for (var c = 0u; c < P.channels; c++) {
    for (var y = 0; y < i32(P.height); y++) {
      for (var x = 0; x < i32(P.width); x++) {
        var v = shifted(start + c * plane, y, x, dy, dx, flip);
        if (JITTER == 1u) {
          v = clamp((v - mean) * scale + mean + offset, 0.0, 1.0);
        }
        out[start + (c * P.height + u32(y)) * P.width + u32(x)] = v;
      }
    }
  }
}
