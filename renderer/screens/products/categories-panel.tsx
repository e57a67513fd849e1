/** Categories: name, tile colour and their order on the sell screen (moved up and down one place at a time). */
import { useState, type FormEvent } from 'react';
import type { CategoryView } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { AlertMessage, StatusMessage } from '../../components/alert-message';
import { TextField } from '../../components/text-field';

interface CategoriesPanelProps {
  categories: CategoryView[];
  onChanged: () => void;
}

export function CategoriesPanel({ categories, onChanged }: CategoriesPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const answer = (result: { ok: true } | { ok: false; error: { message: string } }, message: string) => {
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDone(message);
    onChanged();
  };
  const move = async (index: number, by: -1 | 1) => {
    const ids = categories.map((c) => c.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    answer(await api.call('categories.reorder', { ids }), `Moved ${categories[index]!.name}.`);
  };
  const recolor = async (c: CategoryView, color: string) => answer(await api.call('categories.save', { id: c.id, name: c.name, color }), `Recoloured ${c.name}.`);

  return (
    <section className="panel panel-wide" aria-labelledby="categories-heading">
      <h2 id="categories-heading">Categories</h2>
      <ol className="category-list">
        {categories.map((c, i) => (
          <li key={c.id} className="category-item">
            <input type="color" value={c.color.toLowerCase()} aria-label={`Colour of ${c.name}`} onChange={(e) => void recolor(c, e.target.value)} />
            <span className="category-name">{c.name}</span>
            <span className="field-hint">{c.productCount} for sale</span>
            <span className="row-actions">
              <button type="button" className="button-small button-secondary" aria-label={`Move ${c.name} up`} disabled={i === 0} onClick={() => void move(i, -1)}>
                Up
              </button>
              <button type="button" className="button-small button-secondary" aria-label={`Move ${c.name} down`} disabled={i === categories.length - 1} onClick={() => void move(i, 1)}>
                Down
              </button>
            </span>
          </li>
        ))}
      </ol>
      <NewCategoryForm onSaved={(name, result) => answer(result, `Added ${name}.`)} />
      <AlertMessage message={error} />
      <StatusMessage message={done} />
    </section>
  );
}

function NewCategoryForm({ onSaved }: { onSaved: (name: string, result: { ok: true } | { ok: false; error: { message: string } }) => void }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#3a7d44');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.call('categories.save', { name: name.trim(), color });
    if (result.ok) setName('');
    onSaved(name.trim(), result);
  };
  return (
    <form className="inline-form" aria-label="Add a category" onSubmit={(e) => void submit(e)} noValidate>
      <TextField label="New category" value={name} onChange={setName} maxLength={100} />
      <div className="field">
        <label htmlFor="new-category-colour">Colour</label>
        <input id="new-category-colour" type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </div>
      <button type="submit">Add category</button>
    </form>
  );
}
