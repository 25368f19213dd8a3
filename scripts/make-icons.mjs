// Draws SafePost's toolbar icons (a shield with a tick) into PNG files with nothing but zlib,
// so the build never downloads anything. Run: node scripts/make-icons.mjs  (writes icons/*.png)
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "icons");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Distance from point p to segment ab, for drawing the tick with round caps.
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Shield: flat top with rounded shoulders, sides curving to a point. Coordinates in 0..1.
function inShield(x, y) {
  if (y < 0.08 || y > 0.94) return false;
  const half = y < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.39) ** 2));
  return Math.abs(x - 0.5) <= half;
}

function draw(size) {
  const buf = Buffer.alloc(size * size * 4);
  const S = 4; // supersampling per axis, for smooth edges at 16 px
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let shield = 0, tick = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size;
          if (!inShield(u, v)) continue;
          shield++;
          const d = Math.min(segDist(u, v, 0.3, 0.5, 0.45, 0.65), segDist(u, v, 0.45, 0.65, 0.72, 0.34));
          if (d < 0.07) tick++;
        }
      }
      const n = S * S, a = shield / n, t = shield ? tick / shield : 0;
      // Teal shield (#0f766e) with a white tick.
      const r = Math.round(15 + (255 - 15) * t), g = Math.round(118 + (255 - 118) * t), b = Math.round(110 + (255 - 110) * t);
      buf.set([r, g, b, Math.round(a * 255)], (y * size + x) * 4);
    }
  }
  return png(size, buf);
}

mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(join(outDir, `icon${size}.png`), draw(size));
}
console.log(`icons written to ${outDir}`);
