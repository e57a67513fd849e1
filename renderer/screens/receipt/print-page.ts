/**
 * Prints the receipt on a page exactly as long as the receipt. Browsers refuse `size: 80mm auto`, so the stylesheet
 * falls back to 80 × 297 mm; before printing, the laid-out receipt is measured and the page length set to fit, so a
 * thermal printer feeds no blank paper. The rule is added through the CSSOM, which the strict CSP allows.
 */
const MM_PER_CSS_PX = 25.4 / 96;
const PAGE_WIDTH_MM = 80;
const MIN_LENGTH_MM = 60;

export function pageRule(receiptHeightPx: number): string {
  const lengthMm = Math.max(MIN_LENGTH_MM, Math.ceil(receiptHeightPx * MM_PER_CSS_PX) + 4);
  return `@page { size: ${PAGE_WIDTH_MM}mm ${lengthMm}mm; margin: 0; }`;
}

let added: { sheet: CSSStyleSheet; rule: CSSRule } | null = null;

function setPageLength(receipt: HTMLElement): void {
  const sheet = [...document.styleSheets].at(-1);
  if (!sheet) return;
  if (added && added.sheet === sheet) {
    const index = [...sheet.cssRules].indexOf(added.rule);
    if (index >= 0) sheet.deleteRule(index);
  }
  const index = sheet.insertRule(pageRule(receipt.getBoundingClientRect().height), sheet.cssRules.length);
  added = { sheet, rule: sheet.cssRules[index]! };
}

export function printReceipt(): void {
  const receipt = document.querySelector<HTMLElement>('.receipt-print-root .receipt');
  try {
    if (receipt) setPageLength(receipt);
  } catch (err) {
    // The fixed-length fallback page still prints the whole receipt.
    console.warn('Kassa: could not size the receipt page', err);
  }
  window.print();
}
