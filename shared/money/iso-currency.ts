/**
 * Whether a code is an ISO 4217 currency: one of the codes the platform's Intl data knows (Node and Chromium ship
 * the full list). A well-formed but made-up code like "XYZ" passes Intl.NumberFormat, so the shape alone is not enough.
 */
let known: ReadonlySet<string> | null = null;

export function isIsoCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}
