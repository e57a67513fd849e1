/**
 * What a scanned code is: a catalog barcode to look up, an in-store label with the price or weight printed into
 * it, or something to refuse with a reason the clerk can act on. Check digits come from shared/catalog/barcodes.ts.
 * UPC-A number-system-2 (US variable-weight) labels are not decoded: they are looked up as plain barcodes.
 */
import { barcodeKind, isInStoreEan13, type BarcodeKind } from '../catalog/barcodes';
import { assertScanSettings, type EmbeddedFormat, type ScanSettings } from './embedded-format';

export type ScanResult =
  | { kind: 'product'; barcode: string; format: BarcodeKind }
  | { kind: 'embedded'; valueKind: 'price'; itemCode: string; prefix: string; price: number }
  | { kind: 'embedded'; valueKind: 'weight'; itemCode: string; prefix: string; qtyMilli: number }
  | { kind: 'invalid'; code: string; reason: string };

export const SCAN_REASONS = {
  notABarcode: 'Not a barcode',
  checkDigit: 'Check digit wrong — scan again',
  zeroWeight: 'The label shows no weight — weigh the item again',
  zeroPrice: 'The label shows no price — print a new label',
} as const;

const GTIN_LENGTHS = new Set([8, 12, 13]);

export function classifyScan(rawCode: string, settings: ScanSettings): ScanResult {
  assertScanSettings(settings);
  // Scanners end a code with Enter (sometimes CR LF); keyboard wedges may add spaces. Nothing else is trimmed.
  const code = rawCode.trim();
  const invalid = (reason: string): ScanResult => ({ kind: 'invalid', code, reason });
  if (!/^[0-9]+$/.test(code) || !GTIN_LENGTHS.has(code.length)) return invalid(SCAN_REASONS.notABarcode);
  const format = barcodeKind(code);
  if (!format) return invalid(SCAN_REASONS.checkDigit);

  const layout = isInStoreEan13(code) ? settings.embeddedFormats.find((f) => f.prefixes.includes(code.slice(0, 2))) : undefined;
  // An in-store code outside every configured layout is a store-made article code: look it up like any barcode.
  if (!layout) return { kind: 'product', barcode: code, format };
  return decodeEmbedded(code, layout);
}

function decodeEmbedded(code: string, layout: EmbeddedFormat): ScanResult {
  const prefix = code.slice(0, 2);
  const itemCode = code.slice(2, 2 + layout.itemDigits);
  const value = Number(code.slice(2 + layout.itemDigits, 12)); // at most 9 digits: exact
  if (layout.kind === 'weight') {
    if (value === 0) return { kind: 'invalid', code, reason: SCAN_REASONS.zeroWeight };
    return { kind: 'embedded', valueKind: 'weight', itemCode, prefix, qtyMilli: value };
  }
  if (value === 0) return { kind: 'invalid', code, reason: SCAN_REASONS.zeroPrice };
  return { kind: 'embedded', valueKind: 'price', itemCode, prefix, price: value };
}
