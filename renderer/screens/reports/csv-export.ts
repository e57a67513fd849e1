/**
 * CSV export: the core writes the file a chunk at a time (shared/reports/sales-csv.ts); the screen asks for chunk
 * after chunk and hands the parts to the browser as one download, so a year of sales never travels in one answer.
 */
import type { CsvChunk, RangeInput } from '../../../shared/api/commands/reports-commands';
import type { ApiError, ApiResult } from '../../../shared/api/errors';
import { api } from '../../api/client';

export async function exportCsv(
  range: RangeInput,
  what: 'sales' | 'lines',
  onProgress: (rows: number) => void,
): Promise<{ ok: true; rows: number } | { ok: false; error: ApiError }> {
  const parts: string[] = [];
  let rows = 0;
  let after: string | null = null;
  do {
    const result: ApiResult<CsvChunk> = await api.call('reports.csv', { range, what, ...(after ? { after } : {}) });
    if (!result.ok) return { ok: false, error: result.error };
    parts.push(result.value.text);
    rows += result.value.rows;
    after = result.value.next;
    onProgress(rows);
  } while (after);
  const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `kassa-${what}-${range.from}-to-${range.to}${range.terminalId ? `-${range.terminalId}` : ''}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, rows };
}
