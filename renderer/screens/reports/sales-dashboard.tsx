/**
 * The managers' sales dashboard: the figures of a range of store days for the whole store or one terminal, live as
 * sales of every terminal arrive, how fresh each terminal's data is, and the way from any figure to the sales and
 * receipts behind it. All numbers come from the till core; this screen formats them.
 */
import { useState } from 'react';
import type { DashboardView, GroupFigure, ProductFigureView, RangeInput, SalesFilter } from '../../../shared/api/commands/reports-commands';
import { minorToDecimal } from '../../../shared/money';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { formatPercent, formatTime, money } from '../sell/display-format';
import { exportCsv } from './csv-export';
import { presetRange, RangePicker, type Preset } from './range-picker';
import { SalesChart } from './sales-chart';
import { SalesDrillDown, type DrillDown } from './sales-drilldown';
import { useDashboard } from './use-dashboard';
import './reports.css';

const TAX_LABEL: Record<string, string> = { standard: 'Standard', reduced: 'Reduced', zero: 'Zero' };

export function SalesDashboard() {
  const [preset, setPreset] = useState<Preset>('today');
  const [range, setRange] = useState<RangeInput>(() => presetRange('today'));
  const dashboard = useDashboard(range);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const view = dashboard.view;
  const terminals = view?.freshness.map((f) => f.terminalId).filter((t) => t !== 'DEMO') ?? [];
  const base: SalesFilter = { from: range.from, to: range.to, ...(range.terminalId ? { terminalId: range.terminalId } : {}) };
  const open = (title: string, more: Partial<SalesFilter> = {}) => setDrill({ title, filter: { ...base, ...more } });

  return (
    <section className="panel panel-wide dashboard" aria-labelledby="dashboard-heading">
      <div className="panel-header">
        <h2 id="dashboard-heading">Sales</h2>
        <ExportButtons range={range} />
      </div>
      <RangePicker
        preset={preset}
        range={range}
        terminals={terminals}
        onChange={(p, r) => {
          setPreset(p);
          setRange(r);
        }}
      />
      <AlertMessage message={dashboard.error?.message} />
      {view?.preparing ? (
        <p role="status" className="preparing">
          Preparing figures… {view.preparing.total > 0 ? `${Math.floor((view.preparing.done * 100) / view.preparing.total)} %` : ''}
        </p>
      ) : null}
      {view ? <Figures view={view} open={open} /> : dashboard.loading ? <p>Loading the figures…</p> : null}
      {drill ? <SalesDrillDown key={JSON.stringify(drill.filter)} drill={drill} onClose={() => setDrill(null)} /> : null}
    </section>
  );
}

type Open = (title: string, more?: Partial<SalesFilter>) => void;

function Figures({ view, open }: { view: DashboardView; open: Open }) {
  const m = (minor: number) => money(minor, view.currency);
  const f = view.figures;
  const cards: { label: string; value: string; more?: Partial<SalesFilter> }[] = [
    { label: 'Net sales', value: m(f.net) },
    { label: 'Gross sales', value: m(f.gross), more: { kind: 'sale' } },
    { label: 'Discounts', value: m(f.discounts), more: { kind: 'sale' } },
    { label: 'Returns', value: m(f.returns), more: { kind: 'return' } },
    { label: 'Transactions', value: String(f.transactions), more: { kind: 'sale' } },
    { label: 'Average basket', value: m(f.averageBasket), more: { kind: 'sale' } },
    { label: 'Items per basket', value: minorToDecimal(Math.round(f.itemsPerBasketMilli / 100), 1), more: { kind: 'sale' } },
  ];
  return (
    <>
      <ul className="figure-cards" aria-label="Figures">
        {cards.map((card) => (
          <li key={card.label}>
            <button type="button" className="figure-card" aria-label={`${card.label}: ${card.value}. Show the sales`} onClick={() => open(card.label, card.more)}>
              <span className="figure-label">{card.label}</span>
              <span className="figure-value">{card.value}</span>
            </button>
          </li>
        ))}
      </ul>
      <SalesChart points={view.series} by={view.seriesBy} currency={view.currency} />
      <div className="dashboard-tables">
        <GroupTable
          caption="By hour"
          hidden={view.seriesBy !== 'hour'}
          rows={view.series.filter((p) => p.sales > 0 || p.net !== 0).map((p) => ({ key: p.key, label: `${p.key}:00`, net: p.net, sales: p.sales, returns: 0 }))}
          money={m}
          open={(row) => open(`Sales ${row.label}`, { hour: Number(row.key) })}
        />
        <GroupTable
          caption="By day"
          hidden={view.seriesBy !== 'day'}
          rows={view.series.filter((p) => p.sales > 0 || p.net !== 0).map((p) => ({ key: p.key, label: p.key, net: p.net, sales: p.sales, returns: 0 }))}
          money={m}
          open={(row) => open(`Sales of ${row.label}`, { from: row.key, to: row.key })}
        />
        <GroupTable caption="By terminal" rows={view.terminals} money={m} open={(row) => open(`Sales on ${row.label}`, { terminalId: row.key })} />
        <GroupTable caption="By clerk" rows={view.clerks} money={m} open={(row) => open(`Sales by ${row.label}`, { clerkId: row.key })} />
        <section aria-labelledby="tenders-heading">
          <h3 id="tenders-heading">By tender</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Tender</th>
                <th scope="col" className="num">Taken</th>
                <th scope="col" className="num">Refunded</th>
                <th scope="col" className="num">Net</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {view.tenders.map((t) => (
                <tr key={t.method}>
                  <th scope="row">{t.label}</th>
                  <td className="num">{m(t.taken)}</td>
                  <td className="num">{m(t.refunded)}</td>
                  <td className="num">{m(t.net)}</td>
                  <td>
                    <ShowSales label={`${t.label} payments`} onClick={() => open(`${t.label} payments`, { method: t.method as 'cash' | 'card' })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="tax-heading">
          <h3 id="tax-heading">Tax per rate</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Rate</th>
                <th scope="col" className="num">Net of tax</th>
                <th scope="col" className="num">Tax</th>
              </tr>
            </thead>
            <tbody>
              {view.figures.tax.map((t) => (
                <tr key={`${t.taxClass}@${t.rateBp}`}>
                  <th scope="row">{`${TAX_LABEL[t.taxClass] ?? t.taxClass} ${formatPercent(t.rateBp)}`}</th>
                  <td className="num">{m(t.base)}</td>
                  <td className="num">{m(t.tax)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <ProductTable caption="Top products" rows={view.topProducts} money={m} open={(row) => open(`Sales of ${row.label}`, { productId: row.key })} />
        <ProductTable caption="Top categories" rows={view.topCategories} money={m} open={(row) => open(`Sales in ${row.label}`, { categoryId: row.key })} />
        <Freshness view={view} />
      </div>
    </>
  );
}

function ShowSales({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button-small button-secondary" aria-label={`Show the sales: ${label}`} onClick={onClick}>
      Sales
    </button>
  );
}

interface GroupTableProps {
  caption: string;
  rows: GroupFigure[];
  money: (minor: number) => string;
  open: (row: GroupFigure) => void;
  hidden?: boolean;
}

function GroupTable({ caption, rows, money: m, open, hidden }: GroupTableProps) {
  if (hidden) return null;
  const id = `group-${caption.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{caption}</h3>
      {rows.length === 0 ? (
        <p className="empty-note">No sales.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{caption.replace('By ', '')}</th>
              <th scope="col" className="num">Net</th>
              <th scope="col" className="num">Sales</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{m(row.net)}</td>
                <td className="num">{row.sales}</td>
                <td>
                  <ShowSales label={row.label} onClick={() => open(row)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProductTable({ caption, rows, money: m, open }: { caption: string; rows: ProductFigureView[]; money: (minor: number) => string; open: (row: ProductFigureView) => void }) {
  const id = `products-${caption.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{caption}</h3>
      {rows.length === 0 ? (
        <p className="empty-note">No sales.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">Quantity</th>
              <th scope="col" className="num">Net</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{minorToDecimal(row.qtyMilli, 3).replace(/\.?0+$/, '')}</td>
                <td className="num">{m(row.net)}</td>
                <td>
                  <ShowSales label={row.label} onClick={() => open(row)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Freshness({ view }: { view: DashboardView }) {
  const when = (iso: string) => (iso ? formatTime(iso) : '—');
  return (
    <section aria-labelledby="freshness-heading">
      <h3 id="freshness-heading">How fresh</h3>
      <table className="data-table">
        <caption className="visually-hidden">Each terminal's newest sale on this till and its last sync</caption>
        <thead>
          <tr>
            <th scope="col">Terminal</th>
            <th scope="col">Last sale seen</th>
            <th scope="col">Last sync</th>
          </tr>
        </thead>
        <tbody>
          {view.freshness
            .filter((t) => t.terminalId !== 'DEMO')
            .map((t) => (
              <tr key={t.terminalId}>
                <th scope="row">{t.terminalId}</th>
                <td>{t.lastSaleNumber ? `${t.lastSaleNumber}, ${when(t.lastSaleAt)}` : '—'}</td>
                <td>{when(t.lastSyncedAt)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="field-hint">Figures as of {formatTime(view.at)}; they update as sales arrive.</p>
    </section>
  );
}

function ExportButtons({ range }: { range: RangeInput }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: 'sales' | 'lines') => {
    setBusy(true);
    setError(null);
    const result = await exportCsv(range, what, (rows) => setNote(`Exporting… ${rows} rows`));
    setBusy(false);
    if (result.ok) setNote(`Exported ${result.rows} rows.`);
    else setError(result.error.message);
  };
  return (
    <div className="button-row">
      <button type="button" className="button-small button-secondary" disabled={busy} onClick={() => void run('sales')}>
        Export sales (CSV)
      </button>
      <button type="button" className="button-small button-secondary" disabled={busy} onClick={() => void run('lines')}>
        Export sale lines (CSV)
      </button>
      <StatusMessage message={note} />
      <AlertMessage message={error} />
    </div>
  );
}
