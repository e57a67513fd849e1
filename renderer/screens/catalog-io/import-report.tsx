/** What the check of an import file found: the counts, what keeps the file out, and every bad row by line. */
import type { ImportReport } from '../../../shared/api/commands/catalog-io-commands';
import { AlertMessage } from '../../components/alert-message';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function ImportSummary({ report }: { report: ImportReport }) {
  return (
    <>
      <p>
        {`${report.fileName || 'The file'}: ${plural(report.rows, 'row')} read (separator ${report.separator || '—'}); `}
        {`${plural(report.good, 'good row')} (${report.newProducts.toLocaleString()} new, ${plural(report.updates, 'update')}), `}
        {`${plural(report.bad, 'row')} with problems.`}
      </p>
      {report.fileProblems.map((problem) => (
        <AlertMessage key={problem} message={problem} />
      ))}
      {report.unknownColumns.length > 0 ? (
        <p className="field-hint">{`Columns not known, ignored: ${report.unknownColumns.join(', ')}.`}</p>
      ) : null}
    </>
  );
}

export function ProblemTable({ report }: { report: ImportReport }) {
  if (report.problems.length === 0) return null;
  return (
    <div className="table-scroll catalog-io-problems">
      <table className="data-table">
        <caption>
          {report.problemCount > report.problems.length
            ? `The first ${report.problems.length} of ${report.problemCount.toLocaleString()} problems`
            : plural(report.problemCount, 'problem')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {report.problems.map((p, i) => (
            <tr key={`${p.line}-${i}`}>
              <td className="num">{p.line}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How writing ended. */
export function ImportOutcome({ report }: { report: ImportReport }) {
  const { result } = report;
  const counts = result ? `${plural(result.created, 'new product')}, ${result.updated.toLocaleString()} updated, ${result.unchanged.toLocaleString()} unchanged.` : '';
  if (report.state === 'done') return <p role="status" className="status-message">{`Imported: ${counts}`}</p>;
  return <AlertMessage message={`${report.stopReason}${result && report.written > 0 ? ` ${counts}` : ''}`} />;
}
