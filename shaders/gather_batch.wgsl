// gather_batch: builds a training batch on the GPU from the uint8 dataset uploaded once.
//   x[b, k] = byte(images, indices[offset + b] * sampleSize + k) / 255     (floats in [0, 1])
//   y[b]    = byte(labels, indices[offset + b])
// The same normalisation as engine/data/batch.ts gatherBatch (PIXEL_SCALE = 1/255), nothing else.
// Bytes are stored four to a u32 (little-endian, as the host's Uint8Array lays them out), since
// WGSL storage has no 8-bit type. `indices` holds the epoch's whole shuffled order, uploaded once
// per epoch; `offset` (rewritten per step) says where this batch starts in it.
//
// Bindings (group 0): 0 Params, 1 images (u32-packed bytes), 2 labels (u32-packed bytes),
//   3 indices [u32], 4 x [batch, sampleSize] f32 (written), 5 y [batch] u32 (written).
// Workgroup: WG threads (override, default 64), one output value per thread; the thread with
//   k = 0 also copies the label.
// Dispatch: ceil(batch * sampleSize / WG) workgroups via linearDispatch.

struct Params {
  batch: u32, sampleSize: u32, offset: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> images: array<u32>;
@group(0) @binding(2) var<storage, read> labels: array<u32>;
@group(0) @binding(3) var<storage, read> indices: array<u32>;
@group(0) @binding(4) var<storage, read_write> x: array<f32>;
@group(0) @binding(5) var<storage, read_write> y: array<u32>;

override WG: u32 = 64;

fn byteAt(i: u32) -> u32 {
  return (images[i / 4u] >> ((i % 4u) * 8u)) & 0xffu;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * WG + lid;
  if (i >= P.batch * P.sampleSize) {
    return;
  }
  let b = i / P.sampleSize;
  let k = i % P.sampleSize;
  let sample = indices[P.offset + b];
  x[i] = f32(byteAt(sample * P.sampleSize + k)) / 255.0;
  if (k == 0u) {
    y[b] = (labels[sample / 4u] >> ((sample % 4u) * 8u)) & 0xffu;
  }
}
