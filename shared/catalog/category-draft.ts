/** The rule for a category's fields: a name, a tile colour, and its place in the order (set by reordering). */
import type { CategoryDoc } from '../model';

export interface CategoryDraft {
  /** Absent (or '') for a new category. */
  id?: string | undefined;
  name: string;
  /** `#rrggbb`: the tile colour on the sell screen. */
  color: string;
}

export const MAX_CATEGORY_NAME_CHARS = 100;
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Every problem of the draft as a sentence; empty when it may be saved. `nameOwner` finds a category by name. */
export function checkCategoryDraft(draft: CategoryDraft, nameOwner: (name: string) => string | null): string[] {
  const problems: string[] = [];
  const name = typeof draft.name === 'string' ? draft.name : '';
  if (name.trim() === '') problems.push('Category name is required');
  else if (name.length > MAX_CATEGORY_NAME_CHARS) problems.push(`Category name: at most ${MAX_CATEGORY_NAME_CHARS} characters`);
  else if (name !== name.trim() || /\p{Cc}/u.test(name)) problems.push('Category name: no spaces at the start or end, no control characters');
  else {
    const owner = nameOwner(name);
    if (owner !== null && owner !== (draft.id || null)) problems.push(`There is already a category named "${name}"`);
  }
  if (typeof draft.color !== 'string' || !COLOR.test(draft.color)) problems.push('Colour: a colour like #3A7D44');
  return problems;
}

export function buildCategoryDoc(draft: CategoryDraft, id: string, sortOrder: number, at: string, previous?: CategoryDoc | null): CategoryDoc {
  return { id, name: draft.name, parentId: previous?.parentId ?? '', color: draft.color.toUpperCase(), sortOrder, updatedAt: at };
}
