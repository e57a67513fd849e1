/**
 * The catalog import job of this till (one at a time): it is fed the file (ImportReader checks every row), reports,
 * then writes the good drafts through the product book in batches, pushing progress to the screen that started
 * it. The file is written only when clean, or, when the manager chooses, only its good rows: never half a product.
 * Cancel before writing drops everything; cancel while writing stops after the batch being written.
 */
import { MAX_IMPORT_CHARS, SHOWN_PROBLEMS, type ImportMode, type ImportReport, type ImportState } from '../../../shared/api/commands/catalog-io-commands';
import { TillError } from '../../../shared/api/errors';
import { categoryLookup } from '../../../shared/catalog/product-csv';
import { currencyDigits } from '../../../shared/money/minor-units';
import type { CurrencyCode, ProductDoc } from '../../../shared/model';
import type { ChannelId } from '../api/till-core-types';
import type { CatalogIndex } from '../selling/catalog-index';
import type { CoreContext } from '../services/core-context';
import { ImportReader, type ImportLookups } from './import-reader';
import { DraftsRefused, type ProductBook } from './product-book';

export interface CatalogImportDeps {
  ctx: CoreContext;
  book: ProductBook;
  catalog: CatalogIndex;
  currency: () => CurrencyCode;
}

/**
 * Products per `saveMany` call: one SQLite transaction, during which the till answers nothing (60–150 ms for 500
 * products on this busy two-core machine); cancel takes effect between two of them.
 */
export const IMPORT_BATCH = 500;
/** Batches between two merges of the catalog index (each costs tens of milliseconds at 100,000 products). */
const MERGE_EVERY = 10;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class ImportJob {
  state: ImportState = 'receiving';
  seq = 0;
  chars = 0;
  written = 0;
  result: ImportReport['result'] = null;
  stopReason = '';
  cancelRequested = false;
  /** Settles when writing ends (a cancel while writing waits for it). */
  writing: Promise<void> | null = null;

  constructor(
    readonly id: string,
    readonly fileName: string,
    readonly channelId: ChannelId,
    public reader: ImportReader | null,
  ) {}
}

export class CatalogImports {
  private job: ImportJob | null = null;
  /** The last report of a job that ended, for a screen that comes back. */
  private ended: ImportReport | null = null;

  constructor(private readonly deps: CatalogImportDeps) {}

  async start(fileName: string, channelId: ChannelId): Promise<{ jobId: string }> {
    if (this.job?.state === 'writing') throw new TillError('CONFLICT', 'An import is being written. Wait for it, or cancel it first.');
    const reader = new ImportReader(await this.lookups());
    this.job = new ImportJob(this.deps.ctx.newId(), fileName, channelId, reader);
    this.ended = null;
    return { jobId: this.job.id };
  }

  async chunk(jobId: string, seq: number, text: string, channelId: ChannelId): Promise<{ rows: number; chars: number }> {
    const job = this.receiving(jobId, channelId);
    if (seq !== job.seq) throw new TillError('BAD_INPUT', `Piece ${seq} of the file came, piece ${job.seq} was expected. Start the import again.`);
    job.seq++;
    job.chars += text.length;
    if (job.chars > MAX_IMPORT_CHARS) {
      this.close(job);
      throw new TillError('BAD_INPUT', `The file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB of text: split it in parts. Nothing was imported.`);
    }
    await job.reader!.add(text);
    return { rows: job.reader!.rows, chars: text.length };
  }

  async finish(jobId: string, channelId: ChannelId): Promise<ImportReport> {
    const job = this.receiving(jobId, channelId);
    job.state = 'checked';
    await job.reader!.end();
    return this.report(job);
  }

  async commit(jobId: string, mode: ImportMode, channelId: ChannelId, actorId: string): Promise<ImportReport> {
    const job = this.own(jobId, channelId);
    if (job.state !== 'checked') throw new TillError('CONFLICT', `This import is ${job.state}: it can be written once, after its check.`);
    const reader = job.reader!;
    if (reader.fileProblems.length > 0) throw new TillError('BAD_INPUT', `The file cannot be imported: ${reader.fileProblems[0]} Nothing was imported.`);
    if (mode === 'clean' && reader.badRows > 0) {
      throw new TillError('BAD_INPUT', `${reader.badRows} row${reader.badRows === 1 ? ' has' : 's have'} problems. Nothing was imported: fix them, or import only the good rows.`);
    }
    const rows = reader.goodRows();
    if (rows.length === 0) throw new TillError('BAD_INPUT', 'No row of this file can be imported. Nothing was imported.');
    job.state = 'writing';
    job.writing = this.write(job, rows.map((r) => r.draft), rows.map((r) => r.line), actorId);
    await job.writing;
    return this.close(job);
  }

  async cancel(jobId: string): Promise<ImportReport> {
    const job = this.job;
    if (!job || job.id !== jobId) throw new TillError('NOT_FOUND', 'That import has already ended.');
    job.cancelRequested = true;
    if (job.state === 'writing') await job.writing;
    else {
      job.state = 'cancelled';
      job.stopReason = 'Cancelled before writing: nothing was imported.';
    }
    return this.close(job);
  }

  current(): ImportReport | null {
    return this.job ? this.report(this.job) : this.ended;
  }

  private async write(job: ImportJob, drafts: ProductDraftList, lines: number[], actorId: string): Promise<void> {
    const result = { created: 0, updated: 0, unchanged: 0 };
    job.result = result;
    for (let start = 0; start < drafts.length; start += IMPORT_BATCH) {
      if (job.cancelRequested) {
        job.state = 'cancelled';
        job.stopReason = `Cancelled while writing: ${job.written} of ${drafts.length} products were written (whole products); the rest were not.`;
        return;
      }
      try {
        // Each batch takes its turn in the till's write queue: a sale waits for one batch at most, never the import.
        const saved = await this.deps.ctx.writes(() => this.deps.book.saveMany(drafts.slice(start, start + IMPORT_BATCH), actorId));
        result.created += saved.created;
        result.updated += saved.updated;
        result.unchanged += saved.unchanged;
      } catch (error) {
        job.state = 'failed';
        job.stopReason = `${stopMessage(error, lines, start)} ${job.written} of ${drafts.length} products were written before it; the rest were not.`;
        if (!(error instanceof TillError)) this.deps.ctx.log.error('Catalog import stopped', { jobId: job.id, written: job.written, error });
        return;
      }
      job.written = Math.min(drafts.length, start + IMPORT_BATCH);
      // New products into the search's sorted structures every few batches: left to the end, 100,000 of them would
      // be merged in one go, holding the till for seconds.
      if (job.written % (IMPORT_BATCH * MERGE_EVERY) === 0 || job.written === drafts.length) this.deps.catalog.refresh(true);
      this.deps.ctx.push({ channelId: job.channelId, message: { event: 'catalogImport.progress', payload: { jobId: job.id, done: job.written, total: drafts.length } } });
      await nextTurn();
    }
    job.state = 'done';
  }

  /** The job's final report; the job lets go of the file's rows. */
  private close(job: ImportJob): ImportReport {
    const report = this.report(job);
    if (this.job === job) this.job = null;
    job.reader = null;
    this.ended = report;
    return report;
  }

  private report(job: ImportJob): ImportReport {
    const reader = job.reader;
    if (!reader) return { ...this.ended!, state: job.state };
    const good = reader.goodRows();
    const updates = good.reduce((n, row) => n + (row.update ? 1 : 0), 0);
    const problems = reader.allProblems();
    return {
      jobId: job.id,
      fileName: job.fileName,
      state: job.state,
      separator: reader.separator,
      rows: reader.rows,
      good: good.length,
      newProducts: good.length - updates,
      updates,
      bad: reader.badRows,
      problems: problems.slice(0, SHOWN_PROBLEMS),
      problemCount: problems.length,
      fileProblems: [...reader.fileProblems],
      unknownColumns: reader.unknownColumns,
      written: job.written,
      result: job.result,
      stopReason: job.stopReason,
    };
  }

  private own(jobId: string, channelId: ChannelId): ImportJob {
    const job = this.job;
    if (!job || job.id !== jobId) throw new TillError('NOT_FOUND', 'That import has ended or another one replaced it. Start it again.');
    if (job.channelId !== channelId) throw new TillError('FORBIDDEN', 'This import belongs to another screen.');
    return job;
  }

  private receiving(jobId: string, channelId: ChannelId): ImportJob {
    const job = this.own(jobId, channelId);
    if (job.state !== 'receiving') throw new TillError('CONFLICT', 'The whole file has already been sent for this import.');
    return job;
  }

  private async lookups(): Promise<ImportLookups> {
    const { book, catalog, ctx } = this.deps;
    const currency = this.deps.currency();
    const categories = await book.categories();
    const known = new Set(categories.map((c) => c.id));
    return {
      rows: { currencyDigits: currencyDigits(currency), categories: categoryLookup(categories) },
      drafts: {
        categoryExists: (id) => known.has(id),
        barcodeOwner: (code) => catalog.barcodeOwner(code),
        skuOwner: (sku) => catalog.skuOwner(sku),
        quickKeyOwner: (key) => catalog.quickKeyOwner(key),
        currency,
      },
      skuOwner: (sku) => catalog.skuOwner(sku),
      load: async (ids) => {
        const found = await ctx.db.products.findByIds(ids).exec();
        return new Map([...found].map(([id, doc]) => [id, doc.toMutableJSON() as ProductDoc]));
      },
    };
  }
}

type ProductDraftList = Parameters<ProductBook['saveMany']>[0];

/** Why a batch was not written: the book's refusal names rows of the batch; the manager knows lines of the file. */
function stopMessage(error: unknown, lines: number[], start: number): string {
  if (error instanceof DraftsRefused) {
    const first = error.problems[0]!;
    return `Stopped: the catalog changed since the check (line ${lines[start + first.row]}: ${first.message}).`;
  }
  if (error instanceof TillError) return `Stopped: ${error.message}`;
  return 'Stopped: the till could not write the products.';
}
