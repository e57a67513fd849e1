/**
 * The catalog search index, in memory in the main process: built once from the products collection, then kept
 * current product by product from its change stream (catalog-feed.ts). A query never reads documents.
 *
 * Layout. Every product version lives in a numbered *slot*: a sorted token vocabulary with posting lists (slots per
 * token), sorted SKU and barcode keys, and all slots in name order. A changed product gets a new slot and its old
 * slot is marked dead, so nothing is ever removed from the sorted structures. New slots are scanned directly by
 * queries until they are merged in (binary search and block copies); dead slots are skipped until a rebuild drops
 * them.
 *
 * Ranking: (1) the query is a product's exact barcode or SKU; (2) every query token is the start of a word of the
 * name, of the SKU or of the barcode; (3) the same, with one or more tokens matched with one typo (tokens of four
 * letters or more). Within (2) and (3): by name. Archived (inactive) products are never found for selling; the back
 * office lists them with `status`. Every barcode of a product (main and extra) finds it.
 */
import type { ProductView } from '../../../shared/api/commands/selling-commands';
import type { ProductDoc } from '../../../shared/model';
import { foldText, matchesPrefixWithOneEdit, MIN_TYPO_LENGTH, tokenize } from './search-text';
import { compare, mergePairs, mergeSlots, mergeSortedWords, prefixBounds, sortPairs, type SortedKeys } from './sorted-keys';

/** Which products a search may find: selling finds only active ones; the back office also lists archived ones. */
export type ProductStatus = 'active' | 'archived' | 'all';

export interface SearchParams {
  query: string;
  categoryId?: string | undefined;
  limit: number;
  offset?: number | undefined;
  /** Default 'active'. */
  status?: ProductStatus | undefined;
}

export interface IndexSearchResult {
  total: number;
  items: ProductView[];
}

export interface IndexedProduct {
  product: ProductView;
  active: boolean;
  /** 1..MAX_QUICK_KEY, 0 for none. */
  quickKey: number;
  /** Below this on hand the product is low on stock; 0: no minimum. */
  minStockMilli: number;
}

export interface IndexListResult {
  total: number;
  items: IndexedProduct[];
}

interface Entry extends IndexedProduct {
  slot: number;
  tokens: string[];
  skuKey: string;
  /** Every barcode, main first. */
  codes: string[];
}

/** More query tokens than this add nothing but work. */
const MAX_QUERY_TOKENS = 8;
/** Matches up to this many are sorted by name directly; more are read off the name order. */
const SORT_DIRECTLY = 1_000;
const TYPO_CACHE_SIZE = 256;
/**
 * New slots are scanned directly by queries until this many wait; then a query merges them in. Merging copies the
 * sorted arrays (a few ms at 100,000 products), so single edits wait for `refresh(true)` when the catalog is quiet.
 */
const MERGE_AT = 256;

export function toProductView(doc: ProductDoc): ProductView {
  return {
    id: doc.id,
    sku: doc.sku,
    barcode: doc.barcode,
    name: doc.name,
    categoryId: doc.categoryId,
    price: doc.price,
    currency: doc.currency,
    unit: doc.unit,
    taxClass: doc.taxClass,
    imageUrl: doc.imageUrl,
  };
}

export class CatalogIndex {
  private readonly byId = new Map<string, Entry>();
  private readonly byBarcode = new Map<string, Entry>();
  private readonly bySku = new Map<string, Entry>();
  private readonly byQuickKey = new Map<number, Entry>();
  private readonly perCategory = new Map<string, number>();
  /** The live entry of each slot; null once that product version is gone. */
  private slots: (Entry | null)[] = [];
  /** Name sort key of each slot, kept after the slot dies so the name order can still be searched. */
  private slotNames: string[] = [];
  /** Slots below this are in the sorted structures. */
  private merged = 0;
  private dead = 0;
  private vocabulary: string[] = [];
  private postings = new Map<string, number[]>();
  private skus: SortedKeys = { keys: [], slots: new Int32Array(0) };
  private barcodes: SortedKeys = { keys: [], slots: new Int32Array(0) };
  private nameOrder: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private readonly typoCache = new Map<string, string[]>();
  // Per-query scratch, by slot: how many query tokens it matched without a typo / with typos allowed.
  private exactHits = new Uint8Array(0);
  private anyHits = new Uint8Array(0);

  constructor(products: Iterable<ProductDoc> = []) {
    for (const product of products) this.upsert(product);
    this.rebuild();
  }

  get size(): number {
    return this.byId.size;
  }

  upsert(doc: ProductDoc): void {
    this.remove(doc.id);
    const name = foldText(doc.name);
    const entry: Entry = {
      slot: this.slots.length,
      product: toProductView(doc),
      active: doc.active,
      quickKey: doc.quickKey ?? 0,
      minStockMilli: doc.minStockMilli ?? 0,
      tokens: [...new Set(tokenize(name))],
      skuKey: foldText(doc.sku),
      codes: doc.barcode ? [doc.barcode, ...(doc.extraBarcodes ?? [])] : [...(doc.extraBarcodes ?? [])],
    };
    this.slots.push(entry);
    this.slotNames.push(`${name}\u0000${doc.id}`);
    this.byId.set(doc.id, entry);
    for (const code of entry.codes) this.byBarcode.set(code, entry);
    if (entry.skuKey) this.bySku.set(entry.skuKey, entry);
    if (entry.quickKey > 0) this.byQuickKey.set(entry.quickKey, entry);
    if (entry.active) this.perCategory.set(doc.categoryId, (this.perCategory.get(doc.categoryId) ?? 0) + 1);
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    this.slots[entry.slot] = null;
    this.dead++;
    for (const code of entry.codes) if (this.byBarcode.get(code) === entry) this.byBarcode.delete(code);
    if (this.bySku.get(entry.skuKey) === entry) this.bySku.delete(entry.skuKey);
    if (this.byQuickKey.get(entry.quickKey) === entry) this.byQuickKey.delete(entry.quickKey);
    if (entry.active) {
      const left = (this.perCategory.get(entry.product.categoryId) ?? 1) - 1;
      if (left > 0) this.perCategory.set(entry.product.categoryId, left);
      else this.perCategory.delete(entry.product.categoryId);
    }
  }

  get(id: string): IndexedProduct | null {
    return this.byId.get(id) ?? null;
  }

  byExactBarcode(barcode: string): IndexedProduct | null {
    return this.byBarcode.get(barcode) ?? null;
  }

  byExactSku(sku: string): IndexedProduct | null {
    return this.bySku.get(foldText(sku)) ?? null;
  }

  /** The product (active or archived) that carries this barcode as its main or an extra one, or null. */
  barcodeOwner(code: string): string | null {
    return this.byBarcode.get(code)?.product.id ?? null;
  }

  /** The product (active or archived) with this SKU, compared without case, or null. */
  skuOwner(sku: string): string | null {
    return this.bySku.get(foldText(sku))?.product.id ?? null;
  }

  /** Active products on an assigned quick key, by key. */
  assignedQuickKeys(): ProductView[] {
    return [...this.byQuickKey.entries()]
      .filter(([, e]) => e.active)
      .sort(([a], [b]) => a - b)
      .map(([, e]) => e.product);
  }

  /** The product (active or archived) on this quick key, or null. */
  quickKeyOwner(key: number): string | null {
    return this.byQuickKey.get(key)?.product.id ?? null;
  }

  /** Every indexed product, active or not, in no particular order. */
  all(): IterableIterator<IndexedProduct> {
    return this.byId.values();
  }

  /** Active products per category id. */
  categoryCounts(): ReadonlyMap<string, number> {
    return this.perCategory;
  }

  /** Active products that `keep` accepts, in name order, at most `limit`. */
  firstByName(limit: number, keep: (product: ProductView) => boolean): ProductView[] {
    this.refresh();
    const out: ProductView[] = [];
    this.forEachByName((slot) => {
      const entry = this.slots[slot];
      if (entry && entry.active && keep(entry.product)) out.push(entry.product);
      return out.length < limit;
    });
    return out;
  }

  search(params: SearchParams): IndexSearchResult {
    const found = this.find(params);
    return { total: found.total, items: found.entries.map((e) => e.product) };
  }

  /** The same search, each product with whether it is active and its quick key (the back office list). */
  list(params: SearchParams): IndexListResult {
    const found = this.find(params);
    return { total: found.total, items: found.entries.map(({ product, active, quickKey, minStockMilli }) => ({ product, active, quickKey, minStockMilli })) };
  }

  private find(params: SearchParams): { total: number; entries: Entry[] } {
    this.refresh();
    const offset = params.offset ?? 0;
    const wanted = offset + params.limit;
    const { categoryId } = params;
    const status = params.status ?? 'active';
    const wantedEntry = (entry: Entry | null | undefined): entry is Entry =>
      !!entry &&
      (status === 'all' || entry.active === (status === 'active')) &&
      (categoryId === undefined || entry.product.categoryId === categoryId);
    const tokens = [...new Set(tokenize(params.query))].slice(0, MAX_QUERY_TOKENS);
    if (tokens.length === 0) return this.listAll(wantedEntry, offset, wanted);

    const exact: Entry[] = [];
    for (const entry of [this.byBarcode.get(params.query.trim()), this.bySku.get(foldText(params.query.trim()))]) {
      if (wantedEntry(entry) && !exact.includes(entry)) exact.push(entry);
    }
    const touched = this.countMatches(tokens, foldText(params.query.trim()));
    const n = tokens.length;
    // 1: all tokens as prefixes; 2: with typos; 0: no match (or already listed as an exact match).
    const tierOf = (slot: number): number => {
      const entry = this.slots[slot];
      if (!wantedEntry(entry) || exact.includes(entry)) return 0;
      return this.exactHits[slot] === n ? 1 : this.anyHits[slot] === n ? 2 : 0;
    };
    const tiers = this.orderedTiers(touched, tierOf, Math.max(0, wanted - exact.length));
    for (const slot of touched) {
      this.exactHits[slot] = 0;
      this.anyHits[slot] = 0;
    }
    const all = [...exact, ...tiers.first, ...tiers.second];
    return { total: exact.length + tiers.total, entries: all.slice(offset, wanted) };
  }

  /**
   * Merges new slots into the sorted structures (all of them when `force`, else only once many wait), or rebuilds
   * them when many slots are dead.
   */
  refresh(force = false): void {
    if (this.dead > 1_000 && this.dead * 3 > this.slots.length) this.rebuild();
    else if (this.slots.length - this.merged > (force ? 0 : MERGE_AT)) this.mergeNewSlots();
  }

  /** Everything from scratch, live slots renumbered from 0. */
  rebuild(): void {
    const live = this.slots.filter((e): e is Entry => e !== null);
    const names = live.map((e) => this.slotNames[e.slot]!);
    live.forEach((entry, slot) => (entry.slot = slot));
    this.slots = live;
    this.slotNames = names;
    this.dead = 0;
    this.merged = live.length;

    this.postings = new Map();
    for (const entry of live) {
      for (const token of entry.tokens) {
        const list = this.postings.get(token);
        if (list) list.push(entry.slot);
        else this.postings.set(token, [entry.slot]);
      }
    }
    this.vocabulary = [...this.postings.keys()].sort();
    this.skus = sortPairs(live.filter((e) => e.skuKey).map((e) => [e.skuKey, e.slot]));
    this.barcodes = sortPairs(live.flatMap((e) => e.codes.map((code): [string, number] => [code, e.slot])));
    this.nameOrder = sortPairs(names.map((name, slot) => [name, slot])).slots;
    this.typoCache.clear();
    this.exactHits = new Uint8Array(live.length + 1_024);
    this.anyHits = new Uint8Array(live.length + 1_024);
  }

  private mergeNewSlots(): void {
    const fresh: Entry[] = [];
    for (let slot = this.merged; slot < this.slots.length; slot++) {
      const entry = this.slots[slot];
      if (entry) fresh.push(entry);
    }
    this.merged = this.slots.length;
    const newWords: string[] = [];
    for (const entry of fresh) {
      for (const token of entry.tokens) {
        const list = this.postings.get(token);
        if (list) list.push(entry.slot);
        else {
          this.postings.set(token, [entry.slot]);
          newWords.push(token);
        }
      }
    }
    if (newWords.length > 0) {
      this.vocabulary = mergeSortedWords(this.vocabulary, newWords.sort());
      this.typoCache.clear();
    }
    this.skus = mergePairs(this.skus, fresh.filter((e) => e.skuKey).map((e) => [e.skuKey, e.slot]));
    this.barcodes = mergePairs(this.barcodes, fresh.flatMap((e) => e.codes.map((code): [string, number] => [code, e.slot])));
    const names = fresh.map((e) => e.slot).sort((a, b) => compare(this.slotNames[a]!, this.slotNames[b]!));
    this.nameOrder = mergeSlots(this.nameOrder, names, (slot) => this.slotNames[slot]!);
  }

  private ensureScratch(): void {
    if (this.exactHits.length >= this.slots.length) return;
    const grown = (old: Uint8Array) => {
      const next = new Uint8Array(this.slots.length * 2);
      next.set(old);
      return next;
    };
    this.exactHits = grown(this.exactHits);
    this.anyHits = grown(this.anyHits);
  }

  private listAll(keep: (entry: Entry | null | undefined) => entry is Entry, offset: number, wanted: number) {
    const entries: Entry[] = [];
    let total = 0;
    this.forEachByName((slot) => {
      const entry = this.slots[slot];
      if (!keep(entry)) return true;
      if (total >= offset && total < wanted) entries.push(entry);
      total++;
      return true;
    });
    return { total, entries };
  }

  /**
   * Fills exactHits/anyHits for every slot that matched all tokens so far; returns the slots it touched. `whole`
   * is the folded query: "fru-000" is two tokens, but as a whole it starts SKUs, and those products match fully.
   */
  private countMatches(tokens: string[], whole: string): number[] {
    this.ensureScratch();
    const touched: number[] = [];
    const { exactHits, anyHits } = this;
    tokens.forEach((token, index) => {
      const hit = (slot: number, exact: boolean) => {
        if (anyHits[slot] === index) {
          if (index === 0) touched.push(slot);
          anyHits[slot] = index + 1;
        }
        if (exact && exactHits[slot] === index) exactHits[slot] = index + 1;
      };
      const [from, to] = prefixBounds(this.vocabulary, token);
      for (let w = from; w < to; w++) for (const slot of this.postings.get(this.vocabulary[w]!)!) hit(slot, true);
      for (const keys of [this.skus, this.barcodes]) {
        const [start, end] = prefixBounds(keys.keys, token);
        for (let i = start; i < end; i++) hit(keys.slots[i]!, true);
      }
      const typos = token.length >= MIN_TYPO_LENGTH;
      if (typos) for (const word of this.typoWords(token)) for (const slot of this.postings.get(word)!) hit(slot, false);
      for (let slot = this.merged; slot < this.slots.length; slot++) {
        const entry = this.slots[slot];
        if (!entry) continue;
        if (entry.skuKey.startsWith(token) || entry.codes.some((c) => c.startsWith(token)) || entry.tokens.some((t) => t.startsWith(token))) hit(slot, true);
        else if (typos && entry.tokens.some((t) => matchesPrefixWithOneEdit(token, t))) hit(slot, false);
      }
    });
    if (tokens.length > 1) {
      const full = (slot: number) => {
        if (anyHits[slot] === 0) touched.push(slot);
        anyHits[slot] = tokens.length;
        exactHits[slot] = tokens.length;
      };
      const [start, end] = prefixBounds(this.skus.keys, whole);
      for (let i = start; i < end; i++) full(this.skus.slots[i]!);
      for (let slot = this.merged; slot < this.slots.length; slot++) if (this.slots[slot]?.skuKey.startsWith(whole)) full(slot);
    }
    return touched;
  }

  /** Vocabulary words within one typo of `token` that it is not already the start of. */
  private typoWords(token: string): string[] {
    const cached = this.typoCache.get(token);
    if (cached) return cached;
    const words = this.vocabulary.filter(
      (word) => word.length >= MIN_TYPO_LENGTH - 1 && !word.startsWith(token) && matchesPrefixWithOneEdit(token, word),
    );
    if (this.typoCache.size >= TYPO_CACHE_SIZE) this.typoCache.delete(this.typoCache.keys().next().value!);
    this.typoCache.set(token, words);
    return words;
  }

  /** Matches of tier 1 and tier 2, each in name order, the first `wanted` of each, and how many in all. */
  private orderedTiers(touched: number[], tierOf: (slot: number) => number, wanted: number) {
    const first: Entry[] = [];
    const second: Entry[] = [];
    let total = 0;
    const take = (slot: number) => {
      const tier = tierOf(slot);
      if (tier === 0) return;
      total++;
      const list = tier === 1 ? first : second;
      if (list.length < wanted) list.push(this.slots[slot]!);
    };
    if (touched.length <= SORT_DIRECTLY) {
      [...touched].sort((a, b) => compare(this.slotNames[a]!, this.slotNames[b]!)).forEach(take);
    } else {
      // anyHits is 0 for every slot the query did not touch, so a walk over the name order finds the matches.
      this.forEachByName((slot) => {
        if (this.anyHits[slot] !== 0) take(slot);
        return true;
      });
    }
    return { first, second, total };
  }

  /** Visits every slot in name order (the merged order and the new slots) until `visit` returns false. */
  private forEachByName(visit: (slot: number) => boolean): void {
    const names = this.slotNames;
    const pending: number[] = [];
    for (let slot = this.merged; slot < this.slots.length; slot++) if (this.slots[slot]) pending.push(slot);
    pending.sort((a, b) => compare(names[a]!, names[b]!));
    let p = 0;
    for (let i = 0; i < this.nameOrder.length; i++) {
      const slot = this.nameOrder[i]!;
      while (p < pending.length && names[pending[p]!]! < names[slot]!) if (!visit(pending[p++]!)) return;
      if (!visit(slot)) return;
    }
    while (p < pending.length) if (!visit(pending[p++]!)) return;
  }
}
