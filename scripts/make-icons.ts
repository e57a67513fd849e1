/**
 * Draws Kassa's app icon (a receipt coming out of a till's printer slot on a teal tile) and writes the PNGs
 * electron-builder needs: build/icon.png (512 px, converted to .ico/.icns) and build/icons/NxN.png for Linux.
 * Pure Node: shapes are tested per sub-pixel and the PNG is encoded here with node:zlib.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const MAIN_ICON_SIZE = 512;

// ---------------------------------------------------------------------------------------------------------------
// PNG encoding: 8-bit RGBA, no interlace, one IDAT.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`Expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // Bytes 10–12 stay 0: deflate, adaptive filtering, no interlace.
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    // Filter type 1 ("Sub": each byte minus the one 4 to its left) suits flat-coloured art.
    const row = y * (stride + 1);
    raw[row] = 1;
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      raw[row + 1 + i] = (rgba[y * stride + i]! - left) & 0xff;
    }
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// The drawing, in unit coordinates (0..1, y down). Later layers paint over earlier ones.

type Rgb = readonly [number, number, number];
interface Layer {
  color: (x: number, y: number) => Rgb;
  inside: (x: number, y: number) => boolean;
}

const TEAL_TOP: Rgb = [20, 145, 130];
const TEAL_BOTTOM: Rgb = [13, 99, 92];
const SLOT: Rgb = [9, 52, 49];
const PAPER: Rgb = [255, 255, 255];
const INK: Rgb = [148, 163, 170];
const TOTAL: Rgb = [13, 99, 92];

const flat = (color: Rgb) => () => color;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number): boolean => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** The receipt: straight sides, torn (zigzag) bottom edge. */
function receipt(x0: number, y0: number, x1: number, bottom: number, teeth: number, depth: number) {
  const toothWidth = (x1 - x0) / teeth;
  return (x: number, y: number): boolean => {
    if (x < x0 || x > x1 || y < y0) return false;
    const phase = ((x - x0) / toothWidth) % 1;
    const edge = bottom - depth * Math.abs(phase - 0.5) * 2;
    return y <= edge;
  };
}

function iconLayers(size: number): Layer[] {
  const detailed = size >= 48;
  const layers: Layer[] = [
    {
      inside: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2),
      color: (_x, y) => TEAL_TOP.map((top, i) => top + (TEAL_BOTTOM[i]! - top) * y) as unknown as Rgb,
    },
    { inside: receipt(0.3, 0.2, 0.7, 0.82, detailed ? 6 : 4, 0.05), color: flat(PAPER) },
    { inside: roundedRect(0.22, 0.16, 0.78, 0.24, 0.04), color: flat(SLOT) },
  ];
  // Item lines of different lengths, then the total in the brand colour.
  const lines: Array<readonly [number, number]> = detailed
    ? [
        [0.33, 0.56],
        [0.42, 0.62],
        [0.51, 0.5],
      ]
    : [
        [0.36, 0.6],
        [0.48, 0.52],
      ];
  const thickness = detailed ? 0.035 : 0.06;
  for (const [y, right] of lines) {
    layers.push({ inside: roundedRect(0.37, y, right, y + thickness, thickness / 2), color: flat(INK) });
  }
  const totalY = detailed ? 0.63 : 0.62;
  const totalThickness = detailed ? 0.06 : 0.08;
  layers.push({ inside: roundedRect(0.37, totalY, 0.63, totalY + totalThickness, totalThickness / 2), color: flat(TOTAL) });
  return layers;
}

/** RGBA pixels of the icon at `size`×`size`, anti-aliased by 4×4 sub-pixel samples. */
export function renderIcon(size: number): Uint8Array {
  const layers = iconLayers(size);
  const samples = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          for (let i = layers.length - 1; i >= 0; i--) {
            const layer = layers[i]!;
            if (!layer.inside(x, y)) continue;
            const [lr, lg, lb] = layer.color(x, y);
            r += lr;
            g += lg;
            b += lb;
            covered++;
            break;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        // Colour is the average over covered samples (straight alpha); alpha is the covered share.
        out[o] = Math.round(r / covered);
        out[o + 1] = Math.round(g / covered);
        out[o + 2] = Math.round(b / covered);
        out[o + 3] = Math.round((covered / (samples * samples)) * 255);
      }
    }
  }
  return out;
}

export function iconPng(size: number): Buffer {
  return encodePng(size, size, renderIcon(size));
}

export function writeIcons(buildDir: string): string[] {
  const written: string[] = [];
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  const main = path.join(buildDir, 'icon.png');
  writeFileSync(main, iconPng(MAIN_ICON_SIZE));
  written.push(main);
  for (const size of LINUX_ICON_SIZES) {
    const file = path.join(buildDir, 'icons', `${size}x${size}.png`);
    writeFileSync(file, iconPng(size));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const buildDir = fileURLToPath(new URL('../build', import.meta.url));
  for (const file of writeIcons(buildDir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
