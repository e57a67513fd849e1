/**
 * A picture chosen on the till, made small enough to live in the product document (the store takes no
 * attachments): drawn on a canvas at most 256 pixels on its longer side, then encoded as WebP (JPEG where the
 * browser cannot), lowering the quality until the data URL fits MAX_PRODUCT_IMAGE_CHARS.
 */
import { MAX_PRODUCT_IMAGE_CHARS } from '../../../shared/model';

export const IMAGE_EDGE_PX = 256;
const QUALITIES = [0.85, 0.7, 0.55, 0.4];

export async function resizeImage(file: File): Promise<string> {
  if (!/^image\/(png|jpeg|webp|gif|bmp)$/.test(file.type)) throw new Error('Choose a picture file (PNG, JPEG, WebP, GIF or BMP).');
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Error('This file could not be read as a picture.');
  });
  const scale = Math.min(1, IMAGE_EDGE_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Pictures cannot be drawn on this till.');
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of QUALITIES) {
    let url = canvas.toDataURL('image/webp', quality);
    if (!url.startsWith('data:image/webp')) url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_PRODUCT_IMAGE_CHARS) return url;
  }
  throw new Error('This picture stays too large even when made small; choose a simpler one.');
}
