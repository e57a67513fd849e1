/**
 * Printing a receipt in Electron: the page measures the laid-out receipt and asks for a page that long; main prints
 * it on an 80 mm page of exactly that size (Chromium's own print path ignores `size: 80mm auto`). With
 * KASSA_RECEIPT_PRINTER set, it prints there without a dialog (a till's receipt printer); otherwise the system's
 * print dialog opens with the page size already set.
 */
import { z } from 'zod';
import type { ApiResult } from '../../shared/api/errors';
import { RECEIPT_PAGE_LIMITS, type ReceiptPage } from '../../shared/api/transport';

/** Receipt paper width. */
export const RECEIPT_WIDTH_MM = 80;
const MICRONS_PER_MM = 1_000;

/** The slice of Electron's WebContentsPrintOptions Kassa sets. */
export interface ReceiptPrintOptions {
  silent: boolean;
  deviceName?: string;
  printBackground: boolean;
  color: boolean;
  margins: { marginType: 'none' };
  /** Microns. */
  pageSize: { width: number; height: number };
}

const receiptPage = z
  .object({ lengthMm: z.number().int().min(RECEIPT_PAGE_LIMITS.minLengthMm).max(RECEIPT_PAGE_LIMITS.maxLengthMm) })
  .strict();

/** The page's request, checked: it comes from the renderer, so it is input like any other. */
export function parseReceiptPage(input: unknown): ApiResult<ReceiptPage> {
  const parsed = receiptPage.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      code: 'BAD_INPUT',
      message: `A receipt page is { lengthMm }: a whole number of millimetres from ${RECEIPT_PAGE_LIMITS.minLengthMm} to ${RECEIPT_PAGE_LIMITS.maxLengthMm}.`,
    },
  };
}

/** KASSA_RECEIPT_PRINTER: the system's printer name (not its friendly name); empty means "ask with a dialog". */
export function receiptPrinterOf(value: string | undefined): string | null {
  const name = value?.trim();
  if (!name) return null;
  if (name.length > 256 || /[\u0000-\u001f]/.test(name)) throw new Error('KASSA_RECEIPT_PRINTER must be a printer name');
  return name;
}

export function receiptPrintOptions(page: ReceiptPage, printer: string | null): ReceiptPrintOptions {
  return {
    silent: printer !== null,
    ...(printer !== null ? { deviceName: printer } : {}),
    printBackground: false,
    color: false,
    margins: { marginType: 'none' },
    pageSize: { width: RECEIPT_WIDTH_MM * MICRONS_PER_MM, height: page.lengthMm * MICRONS_PER_MM },
  };
}

/** Electron's failure reasons, in words for the clerk. A cancelled dialog is not a failure worth a message. */
export function printOutcome(success: boolean, failureReason: string): ApiResult<{ printed: boolean }> {
  if (success) return { ok: true, value: { printed: true } };
  if (/cancel/i.test(failureReason)) return { ok: true, value: { printed: false } };
  return {
    ok: false,
    error: {
      code: 'UNAVAILABLE',
      message: `The receipt did not print (${failureReason || 'the printer gave no reason'}). Check the printer's paper and power, then print it again from the sales history.`,
    },
  };
}
