/**
 * The product editor's fields as typed text, and the draft they make. Only the typing is judged here (a price like
 * "3.49", a weight like "0.250"); every catalog rule is the core's (shared/catalog/product-draft.ts), whose
 * messages the form shows as they come.
 */
import type { ProductDetail } from '../../../shared/api/contract';
import type { ProductDraft } from '../../../shared/catalog/product-draft';
import type { ProductUnit, TaxClass } from '../../../shared/model';
import { currencyDigits, minorToDecimal, parseMoneyInput } from '../../../shared/money';
import { amountInput } from '../sell/display-format';

export interface ProductForm {
  id: string | undefined;
  sku: string;
  barcode: string;
  /** One text per extra barcode; blanks are dropped. */
  extraBarcodes: string[];
  name: string;
  description: string;
  categoryId: string;
  priceText: string;
  taxClass: TaxClass;
  unit: ProductUnit;
  image: string;
  /** In the product's unit: pieces, or kg with up to 3 decimals; blank for none. */
  minStockText: string;
  /** 1–48, blank for none. */
  quickKeyText: string;
  active: boolean;
}

export function emptyForm(categoryId = ''): ProductForm {
  return {
    id: undefined, sku: '', barcode: '', extraBarcodes: [], name: '', description: '', categoryId, priceText: '',
    taxClass: 'standard', unit: 'piece', image: '', minStockText: '', quickKeyText: '', active: true,
  };
}

export function formOf(product: ProductDetail): ProductForm {
  return {
    id: product.id,
    sku: product.sku,
    barcode: product.barcode,
    extraBarcodes: [...product.extraBarcodes],
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    priceText: amountInput(product.price, product.currency),
    taxClass: product.taxClass,
    unit: product.unit,
    image: product.image,
    minStockText: product.minStockMilli === 0 ? '' : minorToDecimal(product.minStockMilli, 3).replace(/\.?0+$/, ''),
    quickKeyText: product.quickKey === 0 ? '' : String(product.quickKey),
    active: product.active,
  };
}

export type FormResult = { ok: true; draft: ProductDraft } | { ok: false; message: string };

export function draftFromForm(form: ProductForm, currency: string): FormResult {
  const price = parseMoneyInput(form.priceText, currencyDigits(currency));
  if (!price.ok) return { ok: false, message: `Price: ${price.error.message}` };
  const minStock = form.minStockText.trim() === '' ? { ok: true as const, value: 0 } : parseMoneyInput(form.minStockText, 3);
  if (!minStock.ok) return { ok: false, message: 'Minimum stock: type a quantity like 5 or 0.500.' };
  const key = form.quickKeyText.trim();
  if (key !== '' && !/^\d{1,2}$/.test(key)) return { ok: false, message: 'Quick key: a number from 1 to 48, or blank for none.' };
  return {
    ok: true,
    draft: {
      ...(form.id ? { id: form.id } : {}),
      sku: form.sku.trim(),
      barcode: form.barcode.trim(),
      extraBarcodes: form.extraBarcodes.map((c) => c.trim()).filter((c) => c !== ''),
      name: form.name.trim(),
      description: form.description.trim(),
      categoryId: form.categoryId,
      price: price.value,
      taxClass: form.taxClass,
      unit: form.unit,
      image: form.image,
      minStockMilli: minStock.value,
      quickKey: key === '' ? 0 : Number(key),
      active: form.active,
    },
  };
}
