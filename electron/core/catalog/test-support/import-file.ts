/** Test and benchmark helper: sends a CSV text to the till's import as a screen does (start, chunks, finish). */
import { IMPORT_CHUNK_CHARS, type ImportReport } from '../../../../shared/api/commands/catalog-io-commands';
import type { CommandInput, CommandName, CommandResult } from '../../../../shared/api/contract';
import { generateCatalog } from '../../../../shared/catalog/generate-catalog';
import { catalogCsvHeader, categoryNamer, productCsvRow } from '../../../../shared/catalog/product-csv';
import type { TillCore } from '../../api/till-core-types';

async function must<K extends CommandName>(core: TillCore, channel: string, name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
  const result = await core.dispatch(channel, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as CommandResult<K>;
}

/** Start, every chunk in order, finish: the check's report (nothing written yet). */
export async function sendFile(core: TillCore, channel: string, text: string, fileName = 'catalog.csv'): Promise<ImportReport> {
  const { jobId } = await must(core, channel, 'catalogImport.start', { fileName });
  for (let seq = 0, at = 0; at < text.length; seq++, at += IMPORT_CHUNK_CHARS) {
    await must(core, channel, 'catalogImport.chunk', { jobId, seq, text: text.slice(at, at + IMPORT_CHUNK_CHARS) });
  }
  return must(core, channel, 'catalogImport.finish', { jobId });
}

/** A generated catalog as the export writes it (categories named, so they are found by name in any demo store). */
export function generatedCatalogCsv(products: number, idPrefix = 'GEN'): string {
  const catalog = generateCatalog({ products, seed: 77, idPrefix });
  const nameOf = categoryNamer(catalog.categories);
  const parts = [catalogCsvHeader()];
  for (const product of catalog.products) parts.push(productCsvRow(product, 2, nameOf));
  return parts.join('');
}
