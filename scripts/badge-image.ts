// Runtime: Node (scripts). Draws the badge picture credentials are baked into — a plain seal: a gold
// disc with a darker rim, a laurel of dots and a white star, two ribbon tails — and writes it as
// resources/badge.png and as renderer/src/credentials/badge-image.ts (the same bytes in base64, so the
// main process, the renderer and the CLI all have it without reading files):
//   node scripts/with-node.mjs tsx scripts/badge-image.ts
// The drawing is arithmetic on pixels, so the same script always writes the same bytes;
// credentials/png.test.ts checks the two files agree with what it draws.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'fast-png';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BADGE_PNG_FILE = path.join(root, 'resources/badge.png');
export const BADGE_MODULE_FILE = path.join(root, 'renderer/src/credentials/badge-image.ts');

const SIZE = 256;
type Rgba = readonly [number, number, number, number];
const GOLD: Rgba = [0xd4, 0xa0, 0x17, 255];
const RIM: Rgba = [0x8a, 0x5a, 0x00, 255];
const LIGHT: Rgba = [0xf2, 0xc9, 0x4c, 255];
const RIBBON: Rgba = [0x1f, 0x4e, 0x8c, 255];
const RIBBON_DARK: Rgba = [0x15, 0x36, 0x63, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Whether (x, y) is inside the five-pointed star centred at (cx, cy) with outer radius r. */
function inStar(x: number, y: number, cx: number, cy: number, r: number): boolean {
  const points = Array.from({ length: 10 }, (_, index) => {
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    const radius = index % 2 === 0 ? r : r * 0.45;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
  });
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pixel(x: number, y: number): Rgba {
  const cx = SIZE / 2;
  const cy = 104;
  const distance = Math.hypot(x - cx, y - cy);
  if (distance <= 96) {
    if (distance > 88) return RIM;
    if (inStar(x, y, cx, cy, 46)) return WHITE;
    // A ring of dots between the rim and the star: the laurel.
    const angle = Math.atan2(y - cy, x - cx);
    const dot = Math.round((angle / (2 * Math.PI)) * 24);
    const dotAngle = (dot * 2 * Math.PI) / 24;
    if (Math.hypot(x - (cx + 72 * Math.cos(dotAngle)), y - (cy + 72 * Math.sin(dotAngle))) <= 6) return LIGHT;
    return distance > 80 ? LIGHT : GOLD;
  }
  // Two ribbon tails below the seal, each a slanted band cut with a notch.
  for (const side of [-1, 1]) {
    const u = (x - cx) * side; // across, outward positive
    const top = 170;
    const bottom = 250;
    if (y < top || y > bottom) continue;
    const centre = 22 + (y - top) * 0.45;
    if (Math.abs(u - centre) > 20) continue;
    const notch = bottom - 18 + Math.abs(u - centre) * 0.9;
    if (y > notch) continue;
    return u - centre < 0 ? RIBBON_DARK : RIBBON;
  }
  return CLEAR;
}

export function drawBadge(): Uint8Array {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y += 1) for (let x = 0; x < SIZE; x += 1) data.set(pixel(x + 0.5, y + 0.5), (y * SIZE + x) * 4);
  return encode({ width: SIZE, height: SIZE, data, channels: 4, depth: 8 });
}

export function badgeModuleSource(png: Uint8Array): string {
  const base64 = Buffer.from(png).toString('base64');
  const lines = base64.match(/.{1,100}/g) ?? [];
  return [
    '// Runtime: any JavaScript (generated). The badge picture credentials are baked into (resources/badge.png), as',
    '// bytes every process can use without reading a file. Written by scripts/badge-image.ts: do not edit.',
    'const BASE64 =',
    ...lines.map((line, index) => `  '${line}'${index === lines.length - 1 ? ';' : ' +'}`),
    '',
    '/** A 256 × 256 PNG: a gold seal with a white star and two blue ribbon tails. */',
    'export const BADGE_IMAGE_PNG: Uint8Array = Uint8Array.from(atob(BASE64), (character) => character.charCodeAt(0));',
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const png = drawBadge();
  writeFileSync(BADGE_PNG_FILE, png);
  writeFileSync(BADGE_MODULE_FILE, badgeModuleSource(png));
  console.log(`Wrote ${path.relative(root, BADGE_PNG_FILE)} (${png.length} bytes) and ${path.relative(root, BADGE_MODULE_FILE)}`);
}
