/**
 * The catalog as a CSV download: the till writes it a chunk at a time (in id order); the screen joins the chunks
 * and hands them to the browser as one file. The file reads back through the import.
 */
import type { CsvChunk } from '../../../shared/api/commands/reports-commands';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import { api } from '../../api/client';

export async function exportCatalog(onProgress: (rows: number) => void): Promise<{ ok: true; rows: number } | { ok: false; error: ApiError }> {
  const parts: string[] = [];
  let rows = 0;
  let after: string | null = null;
  do {
    const result: ApiResult<CsvChunk> = await api.call('catalogExport.csv', after ? { after } : {});
    if (!result.ok) return { ok: false, error: result.error };
    parts.push(result.value.text);
    rows += result.value.rows;
    after = result.value.next;
    onProgress(rows);
  } while (after);
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `kassa-catalog-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, rows };
}
