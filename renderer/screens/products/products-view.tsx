/** The managers' Products view: the whole catalog to search and filter, the product editor, and the categories. */
import { useState } from 'react';
import type { ProductDetail, ProductRow } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { useCommand, usePushEvent } from '../../api/use-api';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { CategoriesPanel } from './categories-panel';
import { ProductEditor } from './product-editor';
import { emptyForm, formOf, type ProductForm } from './product-form';
import { ProductList } from './product-list';
import './products.css';

export function ProductsView({ currency }: { currency: string }) {
  const categories = useCommand('catalog.categories', {});
  usePushEvent('catalog.changed', () => categories.reload());
  const [editing, setEditing] = useState<ProductForm | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = categories.value ?? [];

  const edit = async (id: string) => {
    const result = await api.call('products.get', { id });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setEditing(formOf(result.value));
  };
  const saved = (product: ProductDetail) => {
    setEditing(null);
    setDone(`Saved ${product.name}.`);
    setRefreshKey((k) => k + 1);
  };
  const toggleArchive = async (p: ProductRow) => {
    const result = await api.call(p.active ? 'products.archive' : 'products.restore', { id: p.id });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDone(`${p.active ? 'Archived' : 'Restored'} ${p.name}.`);
    setRefreshKey((k) => k + 1);
  };

  return (
    <>
      <section className="panel panel-wide" aria-labelledby="products-heading">
        <div className="panel-header">
          <h2 id="products-heading">Products</h2>
          <button type="button" onClick={() => setEditing(emptyForm())} disabled={editing !== null}>
            New product
          </button>
        </div>
        {editing ? (
          <ProductEditor key={editing.id ?? 'new'} initial={editing} categories={list} currency={currency} onSaved={saved} onCancel={() => setEditing(null)} />
        ) : null}
        <AlertMessage message={error ?? categories.error?.message} />
        <StatusMessage message={done} />
        <ProductList categories={list} refreshKey={refreshKey} onEdit={(id) => void edit(id)} onArchive={(p) => void toggleArchive(p)} />
      </section>
      <CategoriesPanel categories={list} onChanged={categories.reload} />
    </>
  );
}
