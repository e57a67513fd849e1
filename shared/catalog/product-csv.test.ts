import { describe, expect, it } from 'vitest';
import type { CategoryDoc, ProductDoc } from '../model';
import type { ProductDraft } from './product-draft';
import {
  catalogCsvHeader,
  categoryLookup,
  categoryNamer,
  draftFromRow,
  detectDelimiter,
  isBlankRow,
  lineBreaksIn,
  mapHeader,
  productCsvRow,
  readRow,
  stripBom,
  type RowContext,
} from './product-csv';

const category = (id: string, name: string): CategoryDoc => ({ id, name, parentId: '', color: '#000000', sortOrder: 0, updatedAt: '' });
const CATEGORIES = [category('C-FRU', 'Fruit'), category('C-VEG', 'Vegetables'), category('C-X1', 'Misc'), category('C-X2', 'misc')];
const context: RowContext = { currencyDigits: 2, categories: categoryLookup(CATEGORIES) };
const HEADER = mapHeader(['sku', 'name', 'price', 'category', 'barcodes', 'tax_class', 'unit', 'active', 'min_stock', 'description']);

const read = (cells: string[]) => readRow(cells, HEADER, context);
const fieldsOf = (cells: string[]) => {
  const reading = read(cells);
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  return reading.fields;
};
const problemsOf = (cells: string[]) => {
  const reading = read(cells);
  if (reading.ok) throw new Error('read without problems');
  return reading.problems;
};

describe('header mapping', () => {
  it('maps names case-insensitively, with aliases, and lists unknown columns', () => {
    const mapping = mapHeader(['SKU', 'Product name', 'Unit Price', 'Category', 'EAN', 'Colour', 'Tax-Class', '']);
    expect(mapping.fields).toEqual(['sku', 'name', 'price', 'category', 'barcodes', null, 'tax_class', null]);
    expect(mapping.unknown).toEqual([{ column: 6, name: 'Colour' }]);
    expect(mapping.problems).toEqual([]);
  });

  it('refuses a file without the required columns, or with a field twice', () => {
    expect(mapHeader(['sku', 'name']).problems).toEqual([
      'The first line must name the columns; missing: price, category (columns: id, sku, name, price, category, barcodes, tax_class, unit, description, active, min_stock, quick_key).',
    ]);
    expect(mapHeader(['sku', 'name', 'price', 'category', 'barcode', 'EAN']).problems).toEqual([
      'Columns 5 and 6 both give the barcodes: keep one of them.',
    ]);
  });
});

describe('file shape', () => {
  it('detects the separator from the header line, ignoring quoted ones and later lines', () => {
    expect(detectDelimiter('sku,name,price\r\n1;2;3;4;5;6')).toBe(',');
    expect(detectDelimiter('\ufeffsku;name;"price, in EUR";category\n')).toBe(';');
    expect(detectDelimiter('sku\tname\tprice\n')).toBe('\t');
    expect(detectDelimiter('sku\n')).toBe(',');
  });

  it('strips a UTF-8 BOM only at the start', () => {
    expect(stripBom('\ufeffsku')).toBe('sku');
    expect(stripBom('sku\ufeff')).toBe('sku\ufeff');
  });

  it('counts the line breaks inside quoted fields, CRLF as one', () => {
    expect(lineBreaksIn(['a', 'two\r\nlines', 'x\ny\rz'])).toBe(3);
    expect(lineBreaksIn(['a', 'b'])).toBe(0);
    expect(isBlankRow(['', ' ', ''])).toBe(true);
    expect(isBlankRow([''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});

describe('reading a row', () => {
  it('reads prices with decimal commas and thousands separators into cents', () => {
    expect(fieldsOf(['A-1', 'Tea', '12,99', 'Fruit']).price).toBe(1299);
    expect(fieldsOf(['A-1', 'Tea', '1.234,56', 'Fruit']).price).toBe(123456);
    expect(fieldsOf(['A-1', 'Tea', '1,234.56', 'Fruit']).price).toBe(123456);
    expect(fieldsOf(['A-1', 'Tea', '0.10', 'Fruit']).price).toBe(10);
  });

  it('reads several barcodes from one cell, main first', () => {
    const fields = fieldsOf(['A-1', 'Tea', '1', 'Fruit', '4006381333931 | 96385074 012345678905']);
    expect(fields.barcode).toBe('4006381333931');
    expect(fields.extraBarcodes).toEqual(['96385074', '012345678905']);
  });

  it('finds the category by id, then by name without case; an empty one is none', () => {
    expect(fieldsOf(['A-1', 'Tea', '1', 'C-VEG']).categoryId).toBe('C-VEG');
    expect(fieldsOf(['A-1', 'Tea', '1', 'fruit']).categoryId).toBe('C-FRU');
    expect(fieldsOf(['A-1', 'Tea', '1', '']).categoryId).toBe('');
    expect(problemsOf(['A-1', 'Tea', '1', 'Toys'])).toEqual(['Category "Toys": no such category (give its name or id, or leave it empty)']);
    expect(problemsOf(['A-1', 'Tea', '1', 'MISC'])).toEqual(['Category "MISC": 2 categories have this name; give its id (C-X1 or C-X2)']);
  });

  it('reads tax class, unit, active and minimum stock; empty optional cells stay absent', () => {
    const fields = fieldsOf(['A-1', ' Loose apples ', '2,49', 'Fruit', '', 'Reduced', 'KG', 'no', '2,5', '']);
    expect(fields).toEqual({ sku: 'A-1', name: 'Loose apples', price: 249, categoryId: 'C-FRU', taxClass: 'reduced', unit: 'kg', active: false, minStockMilli: 2500 });
    expect(fieldsOf(['A-1', 'Tea', '1', 'Fruit', '', '', 'pcs']).unit).toBe('piece');
  });

  it('says every cell it cannot read', () => {
    expect(problemsOf(['A-1', 'Tea', '12.3.4', 'Fruit', '4.00638E+12', 'luxury', 'box', 'maybe', '-1'])).toEqual([
      'Price: "12.3.4" is not an amount: thousands must be grouped in threes, like 1.234.567,89.',
      'Barcode 4.00638E+12: a spreadsheet turned it into a number; format the column as text and export again',
      'Tax class "luxury": one of standard, reduced, zero',
      'Unit "box": one of piece, kg',
      'Active "maybe": yes or no',
      'Minimum stock "-1": a quantity like 12 or 2.5',
    ]);
    expect(problemsOf(['A-1', 'Tea', '', 'Fruit'])).toEqual(['Price is missing']);
    expect(problemsOf(['A-1', 'Tea', '1,234', 'Fruit'])).toEqual(['Price: "1,234" could be read two ways: write 1234 or 1234.00.']);
  });

  it('refuses a row with more cells than the header names', () => {
    expect(problemsOf(['A-1', 'Tea', '1', 'Fruit', '', '', '', '', '', '', 'extra'])[0]).toMatch(/11 cells, but the header names 10 columns/);
    // Trailing empty cells (a spreadsheet's habit) are fine.
    expect(read(['A-1', 'Tea', '1', 'Fruit', '', '', '', '', '', '', '', '']).ok).toBe(true);
  });
});

describe('export', () => {
  const product: ProductDoc = {
    id: 'P1', sku: 'TEA-1', barcode: '4006381333931', name: '=Tea, "green"', description: 'Two\nlines', categoryId: 'C-X1', price: 123456,
    currency: 'EUR', taxClass: 'reduced', unit: 'kg', imageUrl: '', extraBarcodes: ['96385074'], image: '', minStockMilli: 2500,
    quickKey: 7, active: false, searchText: '', updatedAt: '', updatedBy: '',
  };

  it('writes a BOM, the header, and rows with quotes where needed and money from the integer', () => {
    expect(catalogCsvHeader()).toBe('\ufeffid,sku,name,price,category,barcodes,tax_class,unit,description,active,min_stock,quick_key\r\n');
    const row = productCsvRow(product, 2, categoryNamer(CATEGORIES));
    expect(row).toBe('P1,TEA-1,"\'=Tea, ""green""",1234.56,C-X1,4006381333931|96385074,reduced,kg,"Two\nlines",no,2.500,7\r\n');
    expect(productCsvRow({ ...product, categoryId: 'C-FRU', price: 5 }, 2, categoryNamer(CATEGORIES))).toContain(',0.05,Fruit,');
  });

  it('reads back what it wrote', () => {
    const header = mapHeader(catalogCsvHeader().slice(1).trim().split(','));
    const cells = ['P1', 'TEA-1', "'=Tea, \"green\"", '1234.56', 'C-X1', '4006381333931|96385074', 'reduced', 'kg', 'Two\nlines', 'no', '2.500', '7'];
    const reading = readRow(cells, header, context);
    expect(reading).toEqual({
      ok: true,
      fields: {
        id: 'P1', sku: 'TEA-1', name: '=Tea, "green"', price: 123456, categoryId: 'C-X1', barcode: '4006381333931', extraBarcodes: ['96385074'],
        taxClass: 'reduced', unit: 'kg', description: 'Two\nlines', active: false, minStockMilli: 2500, quickKey: 7,
      },
    });
  });
});

describe('a row as a draft', () => {
  const stored: ProductDraft = {
    id: 'P1', sku: 'TEA-1', barcode: '4006381333931', extraBarcodes: ['96385074'], name: 'Tea', description: 'Green', categoryId: 'C-FRU',
    price: 199, taxClass: 'reduced', unit: 'piece', image: '', minStockMilli: 5000, quickKey: 3, active: true,
  };

  it('updates only what the row gives; the rest stays as stored', () => {
    expect(draftFromRow({ sku: 'TEA-1', name: 'Tea', price: 249, categoryId: 'C-FRU' }, stored, 'P1')).toEqual({ ...stored, price: 249 });
  });

  it('gives a new product the defaults', () => {
    expect(draftFromRow({ sku: 'NEW-1', name: 'New', price: 100, categoryId: '' }, null, undefined)).toEqual({
      id: undefined, sku: 'NEW-1', barcode: '', extraBarcodes: [], name: 'New', description: '', categoryId: '', price: 100,
      taxClass: 'standard', unit: 'piece', image: '', minStockMilli: 0, quickKey: 0, active: true,
    });
  });
});
