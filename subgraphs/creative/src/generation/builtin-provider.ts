import { createHash } from "node:crypto";
import type { GeneratedImage, GenerationJob, GenerationProvider } from "./generation-provider";
import { encodePng } from "./png";

const FALLBACK_PALETTE = ["#1F3A93", "#F39C12", "#E8ECF1", "#16A085"];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A small deterministic PRNG (mulberry32) seeded from the prompt's hash and the seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shape {
  cx: number;
  cy: number;
  r: number;
  color: [number, number, number];
  ring: boolean;
}

/**
 * Real images with no model download: a two-colour gradient from the brand palette with
 * circles and rings placed by a hash of the prompt and seed. Same inputs, same bytes.
 */
export function createBuiltinProvider(): GenerationProvider {
  return {
    name: "builtin",
    async generate(job: GenerationJob): Promise<GeneratedImage> {
      const digest = createHash("sha256")
        .update(`${job.prompt}\n${job.styleGuidance ?? ""}\n${job.seed}`)
        .digest();
      const random = rng(digest.readUInt32BE(0));
      const palette = (job.palette.length ? job.palette : FALLBACK_PALETTE).map(hexToRgb);
      const pick = () => palette[Math.floor(random() * palette.length)]!;
      const [from, to] = [pick(), pick()];
      const angle = random() * Math.PI * 2;
      const { width, height } = job;
      const shapes: Shape[] = Array.from({ length: 3 + Math.floor(random() * 6) }, () => ({
        cx: random() * width,
        cy: random() * height,
        r: (0.05 + random() * 0.25) * Math.min(width, height),
        color: pick(),
        ring: random() < 0.4,
      }));
      const pixels = new Uint8Array(width * height * 3);
      const dx = Math.cos(angle);
      const dy = Math.sin(angle);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const t = Math.min(1, Math.max(0, 0.5 + ((x / width - 0.5) * dx + (y / height - 0.5) * dy)));
          let rgb: [number, number, number] = [0, 1, 2].map((i) => from[i]! + (to[i]! - from[i]!) * t) as [
            number,
            number,
            number,
          ];
          for (const s of shapes) {
            const d = Math.hypot(x - s.cx, y - s.cy);
            const inside = s.ring ? Math.abs(d - s.r) < s.r * 0.12 : d < s.r;
            if (inside) rgb = [0, 1, 2].map((i) => rgb[i]! * 0.3 + s.color[i]! * 0.7) as [number, number, number];
          }
          const o = (y * width + x) * 3;
          pixels[o] = rgb[0];
          pixels[o + 1] = rgb[1];
          pixels[o + 2] = rgb[2];
        }
      }
      return { bytes: encodePng(width, height, pixels), mimeType: "image/png", width, height };
    },
  };
}
