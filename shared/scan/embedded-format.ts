/**
 * Store-configured layouts of in-store EAN-13 labels (prefixes 20–29, printed by the store's scales):
 *   prefix (2 digits) · item code (itemDigits) · value (valueDigits) · check digit, filling all 13 digits.
 * A 'price' value is in minor units of the store's currency; a 'weight' value is in grams, which for a kg item is
 * exactly qtyMilli (1 g = 0.001 kg).
 */
export interface EmbeddedFormat {
  /** Two-digit prefixes this layout applies to, e.g. ['21', '22']. */
  prefixes: readonly string[];
  kind: 'price' | 'weight';
  itemDigits: number;
  valueDigits: number;
}

export interface ScanSettings {
  embeddedFormats: readonly EmbeddedFormat[];
}

const IN_STORE_PREFIX = /^2[0-9]$/;

/** A settings mistake, caught when the store saves its scale layouts rather than at the first scan. */
export function assertScanSettings(settings: ScanSettings): void {
  const seen = new Set<string>();
  for (const format of settings.embeddedFormats) {
    if (format.kind !== 'price' && format.kind !== 'weight') throw new Error(`Unknown label kind "${String(format.kind)}"`);
    if (!Number.isInteger(format.itemDigits) || !Number.isInteger(format.valueDigits) || format.itemDigits < 1 || format.valueDigits < 1) {
      throw new Error('Item and value digits must be whole numbers ≥ 1');
    }
    if (2 + format.itemDigits + format.valueDigits !== 12) {
      throw new Error(`Prefix (2) + item (${format.itemDigits}) + value (${format.valueDigits}) digits must be 12: the 13th is the check digit`);
    }
    for (const prefix of format.prefixes) {
      if (!IN_STORE_PREFIX.test(prefix)) throw new Error(`In-store prefixes are 20–29, got "${prefix}"`);
      if (seen.has(prefix)) throw new Error(`Prefix ${prefix} is in two label layouts`);
      seen.add(prefix);
    }
  }
}
