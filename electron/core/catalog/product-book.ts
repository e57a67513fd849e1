/**
 * The one writer of `products` and `categories` (besides the demo seed into an empty store). Every save is checked
 * by the shared draft rule first, so bad input changes nothing; one product is one write, then its audit: created,
 * updated, archived, restored, and `product.price_changed` with the old and new price. Writes run one at a time,
 * so "is this barcode free?" and "write it" never interleave with another save.
 */
import { buildCategoryDoc, checkCategoryDraft, type CategoryDraft } from '../../../shared/catalog/category-draft';
import { buildProductDoc, checkProductDraft, sameProduct, type DraftContext, type DraftProblem, type ProductDraft } from '../../../shared/catalog/product-draft';
import { TillError } from '../../../shared/api/errors';
import type { CategoryDoc, CurrencyCode, ProductDoc } from '../../../shared/model';
import type { CatalogIndex } from '../selling/catalog-index';
import type { AuditInput } from '../services/audit-log';
import { isoNow, type CoreContext } from '../services/core-context';
import { createSerialQueue } from '../services/serial-queue';

export interface ProductBookDeps {
  ctx: CoreContext;
  /** The in-memory index: who holds a barcode, a SKU, a quick key. */
  catalog: CatalogIndex;
  currency: () => CurrencyCode;
}

/** A problem of one draft of a `saveMany` call: `row` is its index in the list given. */
export interface RowProblem extends DraftProblem {
  row: number;
}

export interface SaveManyResult {
  created: number;
  updated: number;
  unchanged: number;
  priceChanged: number;
}

export interface SaveManyProgress {
  done: number;
  total: number;
}

/** Thrown by `saveMany` when any draft has a problem: nothing was written. */
export class DraftsRefused extends TillError {
  constructor(readonly problems: RowProblem[]) {
    const first = problems.slice(0, 3).map((p) => `row ${p.row + 1}: ${p.message}`).join('; ');
    super('BAD_INPUT', `${problems.length} problem${problems.length === 1 ? '' : 's'} (${first}${problems.length > 3 ? '; …' : ''}). Nothing was imported.`);
  }
}

/** Products per bulk write: big enough to be quick, small enough to keep the till answering in between. */
export const SAVE_BATCH = 2_000;

export class ProductBook {
  private readonly writes = createSerialQueue();

  constructor(private readonly deps: ProductBookDeps) {}

  /** The in-memory index the book checks against (and the back office lists from). */
  get catalog(): CatalogIndex {
    return this.deps.catalog;
  }

  async get(id: string): Promise<ProductDoc | null> {
    const doc = await this.deps.ctx.db.products.findOne(id).exec();
    return doc ? (doc.toMutableJSON() as ProductDoc) : null;
  }

  /** Creates (no id) or updates a product; answers the stored version. */
  save(draft: ProductDraft, actorId: string): Promise<ProductDoc> {
    return this.writes(async () => {
      const previous = draft.id ? await this.get(draft.id) : null;
      if (draft.id && !previous) throw new TillError('NOT_FOUND', `No product ${draft.id}. Nothing was saved.`);
      const problems = checkProductDraft(draft, await this.draftContext());
      if (problems.length > 0) throw new TillError('BAD_INPUT', `${problems.map((p) => p.message).join('; ')}. Nothing was saved.`);
      const doc = buildProductDoc(draft, { id: previous?.id ?? this.deps.ctx.newId(), currency: this.deps.currency(), at: isoNow(this.deps.ctx), by: actorId, previous });
      if (previous && sameProduct(previous, doc)) return previous;
      await this.deps.ctx.db.products.upsert(doc);
      await this.deps.ctx.audit.record(...productEvents(previous, doc, actorId));
      return doc;
    });
  }

  /** No longer for sale (it stays in the catalog: sales, returns and reports still name it); its quick key is freed. */
  archive(id: string, actorId: string): Promise<ProductDoc> {
    return this.setActive(id, false, actorId);
  }

  restore(id: string, actorId: string): Promise<ProductDoc> {
    return this.setActive(id, true, actorId);
  }

  /**
   * Many products at once (an import): every draft is checked first, against the catalog and against each other,
   * and any problem refuses the whole list (DraftsRefused, nothing written). Then they are written in batches of
   * SAVE_BATCH; price changes are audited one by one, the import as one summary event. A draft whose id the
   * store does not know yet is created under that id (an export brought into another store).
   */
  saveMany(drafts: readonly ProductDraft[], actorId: string, onProgress?: (progress: SaveManyProgress) => void): Promise<SaveManyResult> {
    return this.writes(async () => {
      const previous = await this.previousOf(drafts);
      const ids = drafts.map((d) => d.id || this.deps.ctx.newId());
      const problems = this.problemsOf(drafts, ids, await this.draftContext());
      if (problems.length > 0) throw new DraftsRefused(problems);
      const result: SaveManyResult = { created: 0, updated: 0, unchanged: 0, priceChanged: 0 };
      const at = isoNow(this.deps.ctx);
      for (let start = 0; start < drafts.length; start += SAVE_BATCH) {
        const docs: ProductDoc[] = [];
        const events: AuditInput[] = [];
        for (let i = start; i < Math.min(drafts.length, start + SAVE_BATCH); i++) {
          const before = previous.get(ids[i]!) ?? null;
          const doc = buildProductDoc(drafts[i]!, { id: ids[i]!, currency: this.deps.currency(), at, by: actorId, previous: before });
          if (before && sameProduct(before, doc)) result.unchanged++;
          else {
            docs.push(doc);
            result[before ? 'updated' : 'created']++;
            if (before && before.price !== doc.price) {
              result.priceChanged++;
              events.push(priceChanged(before, doc, actorId));
            }
          }
        }
        await this.writeBatch(docs, events);
        onProgress?.({ done: Math.min(drafts.length, start + SAVE_BATCH), total: drafts.length });
      }
      await this.deps.ctx.audit.record({ actorId, type: 'products.imported', details: { ...result, rows: drafts.length } });
      return result;
    });
  }

  /** What `saveMany` would refuse in this list, without writing anything (an import's preview). */
  checkMany(drafts: readonly ProductDraft[]): Promise<RowProblem[]> {
    return this.writes(async () => {
      const ids = drafts.map((d, row) => d.id || `new-row-${row + 1}`);
      return this.problemsOf(drafts, ids, await this.draftContext());
    });
  }

  /** Creates (no id, placed last) or renames/recolours a category. */
  saveCategory(draft: CategoryDraft, actorId: string): Promise<CategoryDoc> {
    return this.writes(async () => {
      const all = await this.categories();
      const previous = draft.id ? all.find((c) => c.id === draft.id) : undefined;
      if (draft.id && !previous) throw new TillError('NOT_FOUND', `No category ${draft.id}. Nothing was saved.`);
      const nameOwner = (name: string) => all.find((c) => c.name.toLowerCase() === name.toLowerCase())?.id ?? null;
      const problems = checkCategoryDraft(draft, nameOwner);
      if (problems.length > 0) throw new TillError('BAD_INPUT', `${problems.join('; ')}. Nothing was saved.`);
      const order = previous?.sortOrder ?? all.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0);
      const doc = buildCategoryDoc(draft, previous?.id ?? this.deps.ctx.newId(), order, isoNow(this.deps.ctx), previous);
      await this.deps.ctx.db.categories.upsert(doc);
      await this.deps.ctx.audit.record({ actorId, type: previous ? 'category.updated' : 'category.created', subjectId: doc.id, details: { name: doc.name, color: doc.color } });
      return doc;
    });
  }

  /** Puts the categories in the order given (every category once). */
  reorderCategories(ids: readonly string[], actorId: string): Promise<CategoryDoc[]> {
    return this.writes(async () => {
      const all = await this.categories();
      const known = new Set(all.map((c) => c.id));
      if (ids.length !== all.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
        throw new TillError('BAD_INPUT', 'Give every category exactly once, in the new order. Nothing was changed.');
      }
      const byId = new Map(all.map((c) => [c.id, c]));
      const at = isoNow(this.deps.ctx);
      const moved = ids.map((id, sortOrder) => ({ ...byId.get(id)!, sortOrder, updatedAt: at })).filter((c) => c.sortOrder !== byId.get(c.id)!.sortOrder);
      if (moved.length === 0) return all;
      const { error } = await this.deps.ctx.db.categories.bulkUpsert(moved);
      if (error.length > 0) throw new Error(`${error.length} categories not reordered, first ${error[0]!.documentId}`);
      await this.deps.ctx.audit.record({ actorId, type: 'categories.reordered', details: { order: ids.join(',') } });
      return this.categories();
    });
  }

  async categories(): Promise<CategoryDoc[]> {
    const docs = await this.deps.ctx.db.categories.find({ sort: [{ sortOrder: 'asc' }] }).exec();
    return docs.map((d) => d.toMutableJSON() as CategoryDoc);
  }

  private setActive(id: string, active: boolean, actorId: string): Promise<ProductDoc> {
    return this.writes(async () => {
      const previous = await this.get(id);
      if (!previous) throw new TillError('NOT_FOUND', `No product ${id}. Nothing was changed.`);
      if (previous.active === active) return previous;
      const doc: ProductDoc = { ...previous, active, quickKey: active ? previous.quickKey : 0, updatedAt: isoNow(this.deps.ctx), updatedBy: actorId };
      await this.deps.ctx.db.products.upsert(doc);
      await this.deps.ctx.audit.record({ actorId, type: active ? 'product.restored' : 'product.archived', subjectId: id, details: { sku: doc.sku, name: doc.name } });
      return doc;
    });
  }

  private async draftContext(): Promise<DraftContext> {
    const categories = new Set((await this.categories()).map((c) => c.id));
    const { catalog } = this.deps;
    return {
      categoryExists: (id) => categories.has(id),
      barcodeOwner: (code) => catalog.barcodeOwner(code),
      skuOwner: (sku) => catalog.skuOwner(sku),
      quickKeyOwner: (key) => catalog.quickKeyOwner(key),
      currency: this.deps.currency(),
    };
  }

  /**
   * Every draft's problems, against the catalog and each other. What the list claims (barcodes, SKUs, quick keys)
   * comes first: a product in the list holds only what its new draft gives it, so a code one row gives up another
   * row may take. Of two rows claiming one thing, the later is refused.
   */
  private problemsOf(drafts: readonly ProductDraft[], ids: string[], base: DraftContext): RowProblem[] {
    const listed = new Set(ids);
    const claims = { barcode: new Map<string, string>(), sku: new Map<string, string>(), key: new Map<number, string>() };
    const claim = <K>(map: Map<K, string>, key: K, id: string) => {
      if (!map.has(key)) map.set(key, id);
    };
    drafts.forEach((draft, row) => {
      if (Array.isArray(draft.extraBarcodes)) for (const code of [draft.barcode, ...draft.extraBarcodes]) if (code) claim(claims.barcode, code, ids[row]!);
      claim(claims.sku, String(draft.sku).toLowerCase(), ids[row]!);
      if (draft.quickKey > 0) claim(claims.key, draft.quickKey, ids[row]!);
    });
    // A catalog product outside the list keeps what it holds; one in the list holds what its row claims.
    const outside = (owner: string | null) => (owner !== null && !listed.has(owner) ? owner : null);
    const context: DraftContext = {
      ...base,
      barcodeOwner: (code) => outside(base.barcodeOwner(code)) ?? claims.barcode.get(code) ?? null,
      skuOwner: (sku) => outside(base.skuOwner!(sku)) ?? claims.sku.get(sku.toLowerCase()) ?? null,
      quickKeyOwner: (key) => outside(base.quickKeyOwner!(key)) ?? claims.key.get(key) ?? null,
    };
    const seenIds = new Set<string>();
    const problems: RowProblem[] = [];
    drafts.forEach((draft, row) => {
      const id = ids[row]!;
      if (seenIds.has(id)) problems.push({ row, field: 'id', message: `Product ${id} is listed twice` });
      seenIds.add(id);
      for (const problem of checkProductDraft({ ...draft, id }, context)) problems.push({ row, ...problem });
    });
    return problems;
  }

  private async previousOf(drafts: readonly ProductDraft[]): Promise<Map<string, ProductDoc>> {
    const ids = drafts.flatMap((d) => (d.id ? [d.id] : []));
    const out = new Map<string, ProductDoc>();
    for (let start = 0; start < ids.length; start += SAVE_BATCH) {
      const found = await this.deps.ctx.db.products.findByIds(ids.slice(start, start + SAVE_BATCH)).exec();
      for (const [id, doc] of found) out.set(id, doc.toMutableJSON() as ProductDoc);
    }
    return out;
  }

  private async writeBatch(docs: ProductDoc[], events: AuditInput[]): Promise<void> {
    if (docs.length > 0) {
      const { error } = await this.deps.ctx.db.products.bulkUpsert(docs);
      if (error.length > 0) throw new Error(`${error.length} products not written, first ${error[0]!.documentId} (${error[0]!.status})`);
    }
    if (events.length > 0) await this.deps.ctx.audit.record(...events);
  }
}

function priceChanged(before: ProductDoc, after: ProductDoc, actorId: string): AuditInput {
  return {
    actorId,
    type: 'product.price_changed',
    subjectId: after.id,
    details: { sku: after.sku, oldPrice: before.price, newPrice: after.price, currency: after.currency },
  };
}

/** What a single save proves: created or updated (naming the fields changed), and a price change on its own. */
function productEvents(before: ProductDoc | null, after: ProductDoc, actorId: string): AuditInput[] {
  if (!before) {
    return [{ actorId, type: 'product.created', subjectId: after.id, details: { sku: after.sku, name: after.name, price: after.price, currency: after.currency } }];
  }
  const changed = (Object.keys(after) as (keyof ProductDoc)[]).filter(
    (k) => !['updatedAt', 'updatedBy', 'edits', 'searchText'].includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const events: AuditInput[] = [{ actorId, type: 'product.updated', subjectId: after.id, details: { sku: after.sku, fields: changed.join(',') } }];
  if (before.price !== after.price) events.push(priceChanged(before, after, actorId));
  return events;
}
