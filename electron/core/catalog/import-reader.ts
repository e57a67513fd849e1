/**
 * The first pass of a catalog import: the file's text arrives in chunks and is parsed as it comes (csv-parse,
 * streaming), and every row is checked by the product rule against the catalog and against the rows before it
 * (the same SKU, barcode, product or quick key twice in one file). Nothing is written here. Work is cut into
 * slices with a turn of the event loop between them, so the till keeps answering while a big file is read.
 */
import { finished } from 'node:stream/promises';
import { parse, type Parser } from 'csv-parse';
import type { ImportProblem } from '../../../shared/api/commands/catalog-io-commands';
import {
  detectDelimiter,
  draftFromRow,
  isBlankRow,
  lineBreaksIn,
  mapHeader,
  readRow,
  type HeaderMapping,
  type RowContext,
  type RowFields,
} from '../../../shared/catalog/product-csv';
import { checkProductDraft, draftOf, type DraftContext, type ProductDraft } from '../../../shared/catalog/product-draft';
import type { ProductDoc } from '../../../shared/model';

/** What the check needs from the catalog as it is now. */
export interface ImportLookups {
  rows: RowContext;
  drafts: DraftContext;
  /** The stored product with this SKU (compared without case), or null. */
  skuOwner(sku: string): string | null;
  /** The stored products of these ids (those that exist). */
  load(ids: string[]): Promise<Map<string, ProductDoc>>;
}

export interface CheckedRow {
  line: number;
  draft: ProductDraft;
  /** It changes a product the catalog has (else it creates one). */
  update: boolean;
}

/** Rows checked between two turns of the event loop. */
const SLICE = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const SEPARATOR_NAMES: Record<string, string> = { ',': ',', ';': ';', '\t': 'tab' };

export class ImportReader {
  private parser: Parser | null = null;
  /** Text before the header line is complete: the separator is judged from the whole line. */
  private head = '';
  private header: HeaderMapping | null = null;
  private nextLine = 1;
  private waiting: { line: number; cells: string[] }[] = [];
  private readonly checked: CheckedRow[] = [];
  private readonly problems: ImportProblem[] = [];
  private readonly badLines = new Set<number>();
  private readonly claims = { id: new Map<string, number>(), sku: new Map<string, number>(), barcode: new Map<string, number>(), key: new Map<number, number>() };
  readonly fileProblems: string[] = [];
  separator = '';
  rows = 0;

  constructor(private readonly lookups: ImportLookups) {}

  get unknownColumns(): string[] {
    return this.header?.unknown.map((u) => `${u.name} (column ${u.column})`) ?? [];
  }

  /** The next piece of the file. */
  async add(text: string): Promise<void> {
    if (!this.parser) {
      this.head += text;
      if (!/[\r\n]/.test(this.head)) return;
      text = this.head;
      this.head = '';
      this.startParser(text);
    }
    await this.write(text);
    await this.checkWaiting();
  }

  /** The file is complete: the last row is read and checked. */
  async end(): Promise<void> {
    if (!this.parser) {
      if (this.head.trim() === '') {
        this.fileProblems.push('The file is empty: the first line must name the columns.');
        return;
      }
      this.startParser(this.head);
      await this.write(this.head);
    }
    const parser = this.parser!;
    parser.end();
    await finished(parser).catch(() => undefined);
    await this.checkWaiting();
    if (this.header && this.header.problems.length === 0 && this.rows === 0) this.fileProblems.push('The file has no rows below its header line.');
  }

  /** Rows without any problem, in file order. */
  goodRows(): CheckedRow[] {
    return this.badLines.size === 0 ? this.checked : this.checked.filter((row) => !this.badLines.has(row.line));
  }

  get badRows(): number {
    return this.badLines.size;
  }

  /** Every problem, by line. */
  allProblems(): ImportProblem[] {
    return [...this.problems].sort((a, b) => a.line - b.line);
  }

  private startParser(text: string): void {
    const delimiter = detectDelimiter(text);
    this.separator = SEPARATOR_NAMES[delimiter]!;
    const parser = parse({ delimiter, bom: true, relax_column_count: true, max_record_size: 1_000_000 });
    parser.on('data', (cells: string[]) => this.take(cells));
    parser.on('error', (error: Error & { code?: string }) => {
      this.fileProblems.push(`Line ${this.nextLine}: ${describeParseError(error)} Nothing from this line on can be read.`);
    });
    this.parser = parser;
  }

  /** Hands the text to the parser; records come out (into `take`) while it is parsed. */
  private write(text: string): Promise<void> {
    const parser = this.parser!;
    if (parser.destroyed) return Promise.resolve();
    return new Promise((resolve) => parser.write(text, () => resolve()));
  }

  private take(cells: string[]): void {
    const line = this.nextLine;
    this.nextLine += 1 + lineBreaksIn(cells);
    if (!this.header) {
      this.header = mapHeader(cells);
      this.fileProblems.push(...this.header.problems);
      return;
    }
    if (isBlankRow(cells)) return;
    this.rows++;
    if (this.header.problems.length === 0) this.waiting.push({ line, cells });
  }

  private async checkWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const slice = this.waiting.splice(0, SLICE);
      await this.checkSlice(slice);
      await nextTurn();
    }
  }

  private async checkSlice(slice: { line: number; cells: string[] }[]): Promise<void> {
    const read = slice.map(({ line, cells }) => ({ line, reading: readRow(cells, this.header!, this.lookups.rows) }));
    const idOf = (fields: RowFields) => fields.id || (fields.sku ? this.lookups.skuOwner(fields.sku) : null) || undefined;
    const ids = read.flatMap(({ reading }) => (reading.ok ? [idOf(reading.fields)].filter((id): id is string => !!id) : []));
    const stored = ids.length > 0 ? await this.lookups.load(ids) : new Map<string, ProductDoc>();
    for (const { line, reading } of read) {
      if (!reading.ok) {
        this.report(line, reading.problems);
        continue;
      }
      const id = idOf(reading.fields);
      const previous = id ? (stored.get(id) ?? null) : null;
      const draft = draftFromRow(reading.fields, previous ? draftOf(previous) : null, id);
      const problems = [...checkProductDraft(draft, this.lookups.drafts).map((p) => p.message), ...this.claim(line, draft)];
      if (problems.length > 0) this.report(line, problems);
      else this.checked.push({ line, draft, update: previous !== null });
    }
  }

  /**
   * What this row shares with an earlier row of the file: both rows are bad (which one is right is the manager's
   * call), each naming the other's line.
   */
  private claim(line: number, draft: ProductDraft): string[] {
    const clashes: string[] = [];
    const take = <K>(map: Map<K, number>, key: K, what: string) => {
      const earlier = map.get(key);
      if (earlier === undefined) map.set(key, line);
      else {
        clashes.push(`${what} is also on line ${earlier}`);
        this.report(earlier, [`${what} is also on line ${line}`]);
      }
    };
    if (draft.id) take(this.claims.id, draft.id, `Product ${draft.id}`);
    take(this.claims.sku, draft.sku.toLowerCase(), `SKU ${draft.sku}`);
    for (const code of new Set([draft.barcode, ...draft.extraBarcodes])) if (code) take(this.claims.barcode, code, `Barcode ${code}`);
    if (draft.quickKey > 0) take(this.claims.key, draft.quickKey, `Quick key ${draft.quickKey}`);
    return clashes;
  }

  private report(line: number, messages: string[]): void {
    this.badLines.add(line);
    for (const message of messages) this.problems.push({ line, message });
  }
}

function describeParseError(error: Error & { code?: string }): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell starts here and its closing quote never comes.';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted cell is followed by more text before the separator (write a quote inside a quoted cell as "").';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is longer than 1,000,000 characters (a quote left open?).';
    default:
      return `the file cannot be read as CSV (${error.message}).`;
  }
}
