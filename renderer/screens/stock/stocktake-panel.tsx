/**
 * This till's stocktake: start one for a category or the whole store, count, post the differences as one batch.
 * Counts are kept on this till until posted; values are at selling price (products carry no cost price).
 */
import { useEffect, useState } from 'react';
import type { StocktakePosted } from '../../../shared/api/contract';
import { useCommand } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { money } from '../sell/display-format';
import { StartStocktake } from './start-stocktake';
import { StocktakeSheet } from './stocktake-sheet';

const PAGE = 25;

export function StocktakePanel({ currency, onPosted }: { currency: string; onPosted: () => void }) {
  const [query, setQuery] = useState('');
  const [onlyCounted, setOnlyCounted] = useState(false);
  const [offset, setOffset] = useState(0);
  const [posted, setPosted] = useState<string | null>(null);
  const take = useCommand('stocktake.get', { query, onlyCounted, limit: PAGE, offset });
  const categories = useCommand('catalog.categories', {});
  const { reload } = take;
  useEffect(reload, [query, onlyCounted, offset, reload]);
  const view = take.value;
  const open = view && view.status !== 'posted';
  const scope = view?.categoryId ? (categories.value?.find((c) => c.id === view.categoryId)?.name ?? 'one category') : 'the whole store';
  const whenPosted = (result: StocktakePosted) => {
    setPosted(`Stocktake posted: ${result.movements} ${result.movements === 1 ? 'product' : 'products'} corrected, ${money(result.valueDifference, currency)} at selling price.`);
    reload();
    onPosted();
  };
  return (
    <section className="panel panel-wide" aria-labelledby="stocktake-heading">
      <div className="panel-header">
        <h2 id="stocktake-heading">Stocktake</h2>
      </div>
      <AlertMessage message={take.error?.message} />
      <StatusMessage message={posted} />
      {open ? (
        <StocktakeSheet
          view={view}
          scope={scope}
          query={query}
          onQuery={(q) => {
            setQuery(q);
            setOffset(0);
          }}
          onlyCounted={onlyCounted}
          onOnlyCounted={(only) => {
            setOnlyCounted(only);
            setOffset(0);
          }}
          offset={offset}
          pageSize={PAGE}
          onOffset={setOffset}
          onChanged={reload}
          onPosted={whenPosted}
        />
      ) : (
        <StartStocktake
          onStarted={() => {
            setPosted(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
