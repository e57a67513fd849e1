import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, LINUX_ICON_SIZES, MAIN_ICON_SIZE, PNG_SIGNATURE, renderIcon } from './make-icons';

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

function readChunks(png: Buffer): Chunk[] {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    chunks.push({ type, data, crcOk });
    at += 12 + length;
  }
  return chunks;
}

/** Undo the "Sub" filter encodePng applies, giving back the RGBA rows. */
function decodeRows(width: number, height: number, raw: Buffer): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(1);
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? out[y * stride + i - 4]! : 0;
      out[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + left) & 0xff;
    }
  }
  return out;
}

describe('encodePng', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('writes a well-formed RGBA PNG that decodes back to the same pixels', () => {
    const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const chunks = readChunks(encodePng(3, 2, pixels));
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    const ihdr = chunks[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[12]]).toEqual([3, 2, 8, 6, 0]);
    expect(decodeRows(3, 2, inflateSync(chunks[1]!.data))).toEqual(pixels);
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/16 RGBA bytes/);
  });
});

describe('the icon', () => {
  it('has transparent corners and an opaque middle', () => {
    const size = 64;
    const rgba = renderIcon(size);
    const alpha = (x: number, y: number) => rgba[(y * size + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(size - 1, size - 1)).toBe(0);
    expect(alpha(size / 2, size / 2)).toBe(255);
  });

  // Pixels, not bytes: another zlib may compress the same pixels differently.
  it('committed in build/ matches what the script draws (run `npx tsx scripts/make-icons.ts` after changing it)', () => {
    const pixelsOf = (name: string, size: number) => {
      const chunks = readChunks(readFileSync(fileURLToPath(new URL(`../build/${name}`, import.meta.url))));
      expect(chunks.every((c) => c.crcOk)).toBe(true);
      const ihdr = chunks[0]!.data;
      expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)]).toEqual([size, size]);
      return decodeRows(size, size, inflateSync(chunks[1]!.data));
    };
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(same(pixelsOf('icon.png', MAIN_ICON_SIZE), renderIcon(MAIN_ICON_SIZE))).toBe(true);
    for (const size of LINUX_ICON_SIZES.filter((s) => s <= 128)) {
      expect(same(pixelsOf(`icons/${size}x${size}.png`, size), renderIcon(size)), `${size}x${size}`).toBe(true);
    }
  });
});
