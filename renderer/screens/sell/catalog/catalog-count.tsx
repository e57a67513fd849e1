/** "500 products in 12 categories", kept live by catalog.changed: tells the clerk the catalog is there. */
import { useCommand, usePushEvent } from '../../../api/use-api';

const count = new Intl.NumberFormat('en');
const plural = (n: number, one: string, many: string) => `${count.format(n)} ${n === 1 ? one : many}`;

export function CatalogCount() {
  const summary = useCommand('catalog.summary', {});
  usePushEvent('catalog.changed', summary.set);
  const value = summary.value;
  if (!value) return null;
  return <p className="catalog-count">{`${plural(value.products, 'product', 'products')} in ${plural(value.categories, 'category', 'categories')}`}</p>;
}
