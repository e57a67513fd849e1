/**
 * Managers: the catalog in and out as CSV. Import: choose a file; it is checked row by row (progress, cancel); the
 * report lists every bad row by line; the whole file is imported when clean, or only its good rows on request.
 * Export: the whole catalog as one CSV file, in the columns the import reads.
 */
import { useState } from 'react';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { exportCatalog } from './catalog-export';
import { ImportOutcome, ImportSummary, ProblemTable } from './import-report';
import { useCatalogImport, type CatalogImport } from './use-catalog-import';
import './catalog-io.css';

export function CatalogIoPanel() {
  const job = useCatalogImport();
  return (
    <>
      <section className="panel panel-wide" aria-labelledby="catalog-import-heading">
        <h2 id="catalog-import-heading">Catalog import</h2>
        <p className="field-hint">
          A CSV file with a header line naming the columns: sku, name, price and category are needed; barcodes, tax_class, unit, description,
          active, min_stock, quick_key and id may follow. Separators , ; or tab; prices like 12.99, 12,99 or 1.234,56.
        </p>
        <FileChoice job={job} />
        <ImportProgressBar job={job} />
        <AlertMessage message={job.error} />
        {job.report ? <ImportSummary report={job.report} /> : null}
        <ImportChoices job={job} />
        {job.report && job.phase === 'ended' ? <ImportOutcome report={job.report} /> : null}
        {job.report ? <ProblemTable report={job.report} /> : null}
      </section>
      <ExportPanel />
    </>
  );
}

function FileChoice({ job }: { job: CatalogImport }) {
  const busy = job.phase === 'sending' || job.phase === 'writing';
  return (
    <div className="catalog-io-file">
      <label htmlFor="catalog-import-file">CSV file</label>
      <input
        id="catalog-import-file"
        type="file"
        accept=".csv,.txt,text/csv"
        disabled={busy}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void job.choose(file);
        }}
      />
    </div>
  );
}

function ImportProgressBar({ job }: { job: CatalogImport }) {
  if (!job.progress) return null;
  const { label, done, total } = job.progress;
  return (
    <div className="catalog-io-progress">
      <p id="catalog-import-progress-label">{`${label}… ${total > 0 ? Math.floor((done * 100) / total) : 0} %`}</p>
      <progress aria-labelledby="catalog-import-progress-label" value={done} max={Math.max(total, 1)} />
      <button type="button" className="button-secondary" onClick={() => void job.cancel()}>
        Cancel
      </button>
    </div>
  );
}

function ImportChoices({ job }: { job: CatalogImport }) {
  const report = job.report;
  if (job.phase !== 'checked' || !report) return null;
  const readable = report.fileProblems.length === 0;
  return (
    <div className="catalog-io-actions">
      {readable && report.bad === 0 ? (
        <button type="button" onClick={() => void job.commit('clean')}>{`Import all ${report.good.toLocaleString()} rows`}</button>
      ) : null}
      {readable && report.bad > 0 && report.good > 0 ? (
        <button type="button" onClick={() => void job.commit('goodRows')}>{`Import only the ${report.good.toLocaleString()} good rows`}</button>
      ) : null}
      <button type="button" className="button-secondary" onClick={() => void job.cancel()}>
        Discard this file
      </button>
    </div>
  );
}

function ExportPanel() {
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await exportCatalog((rows) => setNote(`Exporting… ${rows.toLocaleString()} products`));
    setBusy(false);
    if (result.ok) setNote(`Exported ${result.rows.toLocaleString()} products.`);
    else setError(result.error.message);
  };
  return (
    <section className="panel panel-wide" aria-labelledby="catalog-export-heading">
      <div className="panel-header">
        <h2 id="catalog-export-heading">Catalog export</h2>
        <button type="button" onClick={() => void run()} disabled={busy}>
          Export catalog (CSV)
        </button>
      </div>
      <AlertMessage message={error} />
      <StatusMessage message={note} />
    </section>
  );
}
