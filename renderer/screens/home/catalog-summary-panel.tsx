/** How big the catalog is, kept live by the catalog.changed event. */
import { useCommand, usePushEvent } from '../../api/use-api';
import { AlertMessage } from '../../components/alert-message';

const count = new Intl.NumberFormat('en');

function plural(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

export function CatalogSummaryPanel() {
  const summary = useCommand('catalog.summary', {});
  usePushEvent('catalog.changed', summary.set);
  const value = summary.value;

  return (
    <section className="panel" aria-labelledby="catalog-heading">
      <h2 id="catalog-heading">Catalog</h2>
      {value ? (
        <p className="big-figure">
          {`${plural(value.products, 'product', 'products')} in ${plural(value.categories, 'category', 'categories')}`}
        </p>
      ) : summary.loading ? (
        <p>Loading the catalog…</p>
      ) : null}
      <AlertMessage message={summary.error?.message} />
    </section>
  );
}
