/** The catalog import and export commands: the import job of this till, and the catalog as CSV a chunk at a time. */
import type { CsvChunk } from '../../../shared/api/commands/reports-commands';
import { catalogCsvHeader, categoryNamer, productCsvRow } from '../../../shared/catalog/product-csv';
import { currencyDigits } from '../../../shared/money/minor-units';
import type { CurrencyCode, ProductDoc } from '../../../shared/model';
import { sessionOf, type HandlerMap } from '../api/handler-types';
import type { CoreContext } from '../services/core-context';
import type { CatalogImports } from './catalog-import';
import type { ProductBook } from './product-book';

type CatalogIoCommands =
  | 'catalogImport.start'
  | 'catalogImport.chunk'
  | 'catalogImport.finish'
  | 'catalogImport.commit'
  | 'catalogImport.cancel'
  | 'catalogImport.current'
  | 'catalogExport.csv';

/** Products per export chunk (about 750 KB of CSV). */
const EXPORT_BATCH = 5_000;

export interface CatalogIoDeps {
  ctx: CoreContext;
  imports: CatalogImports;
  book: ProductBook;
  currency: () => CurrencyCode;
}

export function createCatalogIoHandlers({ ctx, imports, book, currency }: CatalogIoDeps): HandlerMap<CatalogIoCommands> {
  return {
    'catalogImport.start': (input, call) => imports.start(input.fileName, call.channelId),
    'catalogImport.chunk': (input, call) => imports.chunk(input.jobId, input.seq, input.text, call.channelId),
    'catalogImport.finish': (input, call) => imports.finish(input.jobId, call.channelId),
    'catalogImport.commit': (input, call) => imports.commit(input.jobId, input.mode, call.channelId, sessionOf(call).user.id),
    'catalogImport.cancel': (input) => imports.cancel(input.jobId),
    'catalogImport.current': async () => imports.current(),
    'catalogExport.csv': async ({ after }) => {
      const docs = await ctx.db.products
        .find({ selector: after ? { id: { $gt: after } } : {}, sort: [{ id: 'asc' }], limit: EXPORT_BATCH + 1 })
        .exec();
      const page = docs.slice(0, EXPORT_BATCH).map((d) => d.toMutableJSON() as ProductDoc);
      const digits = currencyDigits(currency());
      const nameOf = categoryNamer(await book.categories());
      let text = after ? '' : catalogCsvHeader();
      for (const product of page) text += productCsvRow(product, digits, nameOf);
      const chunk: CsvChunk = { text, rows: page.length, next: docs.length > EXPORT_BATCH ? page[page.length - 1]!.id : null };
      return chunk;
    },
  };
}
