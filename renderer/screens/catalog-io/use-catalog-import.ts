/**
 * A catalog import as the screen runs it: the chosen file is read as text and sent to the till in chunks (the
 * till checks every row as they come), the check's report shown, then written on the manager's word; progress
 * while sending comes from the answers, while writing from the till's `catalogImport.progress` pushes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { IMPORT_CHUNK_CHARS, MAX_IMPORT_CHARS, type ImportMode, type ImportReport } from '../../../shared/api/commands/catalog-io-commands';
import { api } from '../../api/client';
import { usePushEvent } from '../../api/use-api';

export type ImportPhase = 'idle' | 'sending' | 'checked' | 'writing' | 'ended';

export interface ImportProgressView {
  label: string;
  done: number;
  total: number;
}

export interface CatalogImport {
  phase: ImportPhase;
  progress: ImportProgressView | null;
  report: ImportReport | null;
  error: string | null;
  choose(file: File): Promise<void>;
  commit(mode: ImportMode): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

export function useCatalogImport(): CatalogImport {
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [progress, setProgress] = useState<ImportProgressView | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** `adopted`: a job this screen found running when it opened (its commit's answer went to an earlier screen). */
  const job = useRef<{ id: string; cancelled: boolean; adopted: boolean } | null>(null);

  const end = useCallback((next: ImportReport | null, message: string | null) => {
    if (next) setReport(next);
    setError(message);
    setProgress(null);
    setPhase(next ? (next.state === 'checked' ? 'checked' : 'ended') : 'idle');
  }, []);

  usePushEvent('catalogImport.progress', (p) => {
    const current = job.current;
    if (p.jobId !== current?.id) return;
    setProgress({ label: 'Writing products', done: p.done, total: p.total });
    if (current.adopted && p.done === p.total) void api.call('catalogImport.current', {}).then((r) => r.ok && r.value && end(r.value, null));
  });

  // An import checked or being written when the screen opens (the manager went to another view meanwhile).
  useEffect(() => {
    void api.call('catalogImport.current', {}).then((r) => {
      if (!r.ok || !r.value || job.current || (r.value.state !== 'checked' && r.value.state !== 'writing')) return;
      job.current = { id: r.value.jobId, cancelled: false, adopted: true };
      setReport(r.value);
      setPhase(r.value.state);
      if (r.value.state === 'writing') setProgress({ label: 'Writing products', done: r.value.written, total: r.value.good });
    });
  }, []);

  const choose = useCallback(
    async (file: File) => {
      setReport(null);
      setError(null);
      if (file.size > MAX_IMPORT_CHARS) return end(null, `The file is larger than ${MAX_IMPORT_CHARS / 1024 / 1024} MB: split it in parts.`);
      setPhase('sending');
      const text = await file.text();
      const started = await api.call('catalogImport.start', { fileName: file.name });
      if (!started.ok) return end(null, started.error.message);
      const current = { id: started.value.jobId, cancelled: false, adopted: false };
      job.current = current;
      for (let seq = 0, at = 0; at < text.length; seq++, at += IMPORT_CHUNK_CHARS) {
        if (current.cancelled) return;
        setProgress({ label: 'Reading and checking the file', done: at, total: text.length });
        const sent = await api.call('catalogImport.chunk', { jobId: current.id, seq, text: text.slice(at, at + IMPORT_CHUNK_CHARS) });
        if (current.cancelled) return;
        if (!sent.ok) return end(null, sent.error.message);
      }
      if (current.cancelled) return;
      const checked = await api.call('catalogImport.finish', { jobId: current.id });
      if (current.cancelled) return;
      end(checked.ok ? checked.value : null, checked.ok ? null : checked.error.message);
    },
    [end],
  );

  const commit = useCallback(
    async (mode: ImportMode) => {
      const current = job.current;
      if (!current || !report) return;
      setPhase('writing');
      setProgress({ label: 'Writing products', done: 0, total: report.good });
      const written = await api.call('catalogImport.commit', { jobId: current.id, mode });
      if (written.ok) end(written.value, null);
      else {
        setError(written.error.message);
        setProgress(null);
        setPhase('checked');
      }
    },
    [end, report],
  );

  const cancel = useCallback(async () => {
    const current = job.current;
    if (!current) return;
    current.cancelled = true;
    const answer = await api.call('catalogImport.cancel', { jobId: current.id });
    // While writing, the commit's own answer (cancelled, with what was written) ends the import on screen.
    if (phase !== 'writing' || current.adopted) end(answer.ok ? answer.value : null, answer.ok ? null : answer.error.message);
  }, [end, phase]);

  const reset = useCallback(() => {
    job.current = null;
    setReport(null);
    setError(null);
    setProgress(null);
    setPhase('idle');
  }, []);

  return { phase, progress, report, error, choose, commit, cancel, reset };
}
