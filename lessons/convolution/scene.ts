/**
 * A photo-like test picture drawn in code (no binary image in the repository): a 64x64 landscape
 * with a graded sky, a sun, two mountains, a lake and a house. It has what edge and blur filters
 * need to show their character: soft gradients (which edge filters ignore), hard horizontal and
 * vertical edges (the roof line, the walls), diagonals (the mountains) and small detail (the
 * window). Returned as CHW RGB bytes and as one grey channel (luma), the plane the lesson filters.
 */
export const SCENE_SIZE = 64;

type Rgb = readonly [number, number, number];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as unknown as Rgb;

/** The colour of pixel (x, y): later layers paint over earlier ones, like a painter. */
function paint(x: number, y: number): Rgb {
  const S = SCENE_SIZE;
  let c: Rgb = mix([120, 170, 235], [235, 225, 210], y / (S * 0.55)); // sky, paler towards the horizon
  if ((x - 48) ** 2 + (y - 12) ** 2 < 36) c = [255, 236, 150]; // sun
  const ridgeA = 34 - 0.9 * Math.abs(x - 18); // left mountain peak at (18, 14)
  const ridgeB = 36 - 0.7 * Math.abs(x - 44);
  if (y > 52 - ridgeA) c = mix([95, 105, 125], [70, 80, 95], (y - 18) / 20);
  if (y > 56 - ridgeB) c = mix([80, 110, 90], [60, 85, 70], (y - 20) / 20);
  if (y >= 38) c = mix([70, 120, 60], [40, 80, 35], (y - 38) / 26); // meadow
  if (y >= 50 && x < 26) c = mix([40, 70, 120], [30, 55, 100], (y - 50) / 14); // lake
  const inHouse = x >= 36 && x < 54 && y >= 36 && y < 52;
  const inRoof = y >= 28 && y < 36 && Math.abs(x - 45) <= (y - 28) * 1.25 + 2;
  if (inHouse) c = [225, 215, 195];
  if (inRoof) c = [150, 50, 40];
  if (x >= 40 && x < 46 && y >= 40 && y < 46) c = [60, 70, 90]; // window
  if (x >= 48 && x < 52 && y >= 43 && y < 52) c = [100, 60, 40]; // door
  return c;
}

export interface Scene {
  /** 3 * 64 * 64 bytes, channel-major (R plane, G plane, B plane). */
  readonly rgb: Uint8Array;
  /** 64 * 64 grey bytes. */
  readonly grey: Uint8Array;
}

let cached: Scene | null = null;

export function scene(): Scene {
  if (cached) return cached;
  const S = SCENE_SIZE;
  const rgb = new Uint8Array(3 * S * S);
  const grey = new Uint8Array(S * S);
  for (let y = 0; y < S; y++) {
    for (let x = 0; x < S; x++) {
      const [r, g, b] = paint(x, y).map((v) => Math.round(Math.min(255, Math.max(0, v)))) as [number, number, number];
      const p = y * S + x;
      rgb[p] = r;
      rgb[S * S + p] = g;
      rgb[2 * S * S + p] = b;
      grey[p] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  cached = { rgb, grey };
  return cached;
}
