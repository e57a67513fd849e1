/**
 * Prints the receipt on a page exactly as long as the receipt, so a thermal printer feeds no blank paper. The
 * laid-out receipt is measured first. In Electron, main prints it on an explicit 80 mm × length page (to the till's
 * receipt printer, or through the print dialog). In a browser, which refuses `size: 80mm auto`, the measured
 * length goes into an `@page` rule added through the CSSOM (the strict CSP allows that) and the browser's print
 * dialog opens (it offers "Save as PDF").
 */
import type { ApiResult } from '../../../shared/api/errors';
import { RECEIPT_PAGE_LIMITS } from '../../../shared/api/transport';
import { getBridge } from '../../api/bridge';

const MM_PER_CSS_PX = 25.4 / 96;
const PAGE_WIDTH_MM = 80;
const MIN_LENGTH_MM = 60;
/** Paper fed after the last line, so the cutter does not cut through the barcode. */
const FEED_MM = 4;

export function receiptLengthMm(receiptHeightPx: number): number {
  const length = Math.ceil(receiptHeightPx * MM_PER_CSS_PX) + FEED_MM;
  return Math.min(RECEIPT_PAGE_LIMITS.maxLengthMm, Math.max(MIN_LENGTH_MM, length));
}

export function pageRule(lengthMm: number): string {
  return `@page { size: ${PAGE_WIDTH_MM}mm ${lengthMm}mm; margin: 0; }`;
}

let added: { sheet: CSSStyleSheet; rule: CSSRule } | null = null;

function setPageLength(lengthMm: number): void {
  const sheet = [...document.styleSheets].at(-1);
  if (!sheet) return;
  if (added && added.sheet === sheet) {
    const index = [...sheet.cssRules].indexOf(added.rule);
    if (index >= 0) sheet.deleteRule(index);
  }
  const index = sheet.insertRule(pageRule(lengthMm), sheet.cssRules.length);
  added = { sheet, rule: sheet.cssRules[index]! };
}

/** Does this host print receipts itself (Electron), or does the browser's print dialog do it? */
export function hostPrintsReceipts(): boolean {
  return typeof getBridge().printReceipt === 'function';
}

/** Resolves with `printed: false` when the person cancelled; an error names what went wrong. */
export async function printReceipt(): Promise<ApiResult<{ printed: boolean }>> {
  const receipt = document.querySelector<HTMLElement>('.receipt-print-root .receipt');
  let lengthMm = MIN_LENGTH_MM;
  try {
    if (receipt) {
      lengthMm = receiptLengthMm(receipt.getBoundingClientRect().height);
      setPageLength(lengthMm);
    }
  } catch (err) {
    // The stylesheet's fixed-length fallback page still prints the whole receipt.
    console.warn('Kassa: could not size the receipt page', err);
  }
  const bridge = getBridge();
  if (bridge.printReceipt) {
    try {
      return await bridge.printReceipt({ lengthMm });
    } catch (err) {
      console.error('Kassa: printing failed in the transport', err);
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The receipt did not print. Try again, or restart Kassa.' } };
    }
  }
  window.print();
  return { ok: true, value: { printed: true } };
}
