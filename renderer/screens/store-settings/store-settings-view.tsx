/** The managers' Store settings view: admins change the settings; managers read them. */
import { useState } from 'react';
import type { SessionInfo, StoreSettingsView } from '../../../shared/api/contract';
import { useCommand } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { formatPercent, money } from '../sell/display-format';
import { StoreSettingsForm } from './store-settings-form';
import './store-settings.css';

export function StoreSettingsPanel({ session }: { session: SessionInfo }) {
  const settings = useCommand('settings.get', {});
  const value = settings.value;
  const [done, setDone] = useState<string | null>(null);
  const saved = () => {
    setDone('Store settings saved.');
    settings.reload();
  };
  return (
    <section className="panel panel-wide" aria-labelledby="store-settings-heading">
      <div className="panel-header">
        <h2 id="store-settings-heading">Store settings</h2>
      </div>
      <AlertMessage message={settings.error?.message} />
      {value && session.user.role === 'admin' ? <StoreSettingsForm key={JSON.stringify(value)} settings={value} onSaved={saved} /> : null}
      <StatusMessage message={done} />
      {value && session.user.role !== 'admin' ? <SettingsSummary settings={value} /> : null}
    </section>
  );
}

function SettingsSummary({ settings: s }: { settings: StoreSettingsView }) {
  const rows: [string, string][] = [
    ['Store name', s.storeName],
    ['Store address', s.storeAddress || '—'],
    ['Tax ID', s.storeTaxId || '—'],
    ['Receipt header', s.receiptHeader || '—'],
    ['Receipt footer', s.receiptFooter || '—'],
    ['Currency', s.currency],
    ['Prices include tax', s.pricesIncludeTax ? 'Yes' : 'No'],
    ['Tax rates', `standard ${formatPercent(s.taxRates.standard)}, reduced ${formatPercent(s.taxRates.reduced)}, zero ${formatPercent(s.taxRates.zero)}`],
    ['Cash rounding', money(s.cashRoundingIncrement, s.currency)],
    ['Clerk discount limit', formatPercent(s.clerkDiscountLimitBp)],
  ];
  return (
    <>
      <dl className="issue-facts" aria-label="Store settings">
        {rows.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="pre-line">{text}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">An admin changes these settings.</p>
    </>
  );
}
