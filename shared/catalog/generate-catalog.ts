/**
 * A believable supermarket catalog for demos, seeding and benchmarks: the same options always give the same
 * documents, and the first N products are the same whatever total is asked for (up to 999,999), so a demo store
 * seeded with 2,000 products is a prefix of the benchmark's 100,000.
 */
import type { CategoryDoc, ProductDoc } from '../model';
import { completeBarcode } from './barcodes';
import { productSearchText } from './product-draft';
import { CATEGORY_PLANS, ORIGINS, type CategoryPlan, type ProductLine } from './catalog-plan';
import { createSeededRandom, type SeededRandom } from './seeded-random';

export interface GenerateCatalogOptions {
  products: number;
  seed?: number;
  /** First part of every id; letters, digits and underscores. Default 'DEMO'. */
  idPrefix?: string;
  /** updatedAt of every document. A fixed default keeps the output reproducible. */
  now?: string;
}

export interface GeneratedCatalog {
  categories: CategoryDoc[];
  products: ProductDoc[];
}

export const DEFAULT_CATALOG_SEED = 20_250_101;
export const DEFAULT_CATALOG_TIME = '2025-01-01T00:00:00.000Z';
export const MAX_CATALOG_PRODUCTS = 1_000_000;
const ID_PREFIX_PATTERN = /^[A-Za-z0-9_]{1,24}$/;

/** GS1 country prefixes of European member organisations: real-looking, never the 20–29 in-store range. */
const GS1_PREFIXES = [
  400, 401, 405, 409, 410, 426, 430, 440, 300, 330, 376, 500, 505, 539, 540, 560, 570, 590, 640, 730, 760, 800, 805,
  840, 870, 871, 900, 905,
] as const;

export function generateCatalog(options: GenerateCatalogOptions): GeneratedCatalog {
  const { products: count, seed = DEFAULT_CATALOG_SEED, idPrefix = 'DEMO', now = DEFAULT_CATALOG_TIME } = options;
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_CATALOG_PRODUCTS) {
    throw new RangeError(`products must be a whole number from 0 to ${MAX_CATALOG_PRODUCTS}, got ${count}`);
  }
  if (!ID_PREFIX_PATTERN.test(idPrefix)) {
    throw new Error(`idPrefix "${idPrefix}" must be 1–24 letters, digits or underscores`);
  }
  if (Number.isNaN(Date.parse(now))) throw new Error(`now "${now}" is not an ISO date-time`);

  const random = createSeededRandom(seed);
  const categories = CATEGORY_PLANS.map((plan, index) => categoryDoc(plan, index, idPrefix, now));
  const barcodes = new BarcodeAllocator(random);
  const pickPlan = weightedPicker(CATEGORY_PLANS, (plan) => plan.weight, random);
  // Within a category every noun is about as likely, whichever line it is in.
  const linePickers = new Map(
    CATEGORY_PLANS.map((plan) => [plan, weightedPicker(plan.lines, (line) => line.nouns.length, random)] as const),
  );
  const skuCounters = new Map<string, number>();
  const idWidth = Math.max(6, String(count).length);

  const products: ProductDoc[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const plan = pickPlan();
    const serial = (skuCounters.get(plan.code) ?? 0) + 1;
    skuCounters.set(plan.code, serial);
    products[index] = productDoc({
      id: `${idPrefix}-P${String(index + 1).padStart(idWidth, '0')}`,
      sku: `${plan.code}-${String(serial).padStart(5, '0')}`,
      categoryId: categoryId(idPrefix, plan),
      plan,
      line: linePickers.get(plan)!(),
      random,
      barcodes,
      now,
    });
  }
  return { categories, products };
}

function categoryId(idPrefix: string, plan: CategoryPlan): string {
  return `${idPrefix}-C${plan.code}`;
}

function categoryDoc(plan: CategoryPlan, index: number, idPrefix: string, now: string): CategoryDoc {
  return {
    id: categoryId(idPrefix, plan),
    name: plan.name,
    parentId: '',
    color: plan.color,
    sortOrder: (index + 1) * 10,
    updatedAt: now,
  };
}

interface ProductDraft {
  id: string;
  sku: string;
  categoryId: string;
  plan: CategoryPlan;
  line: ProductLine;
  random: SeededRandom;
  barcodes: BarcodeAllocator;
  now: string;
}

function productDoc({ id, sku, categoryId, plan, line, random, barcodes, now }: ProductDraft): ProductDoc {
  const loose = line.loose && random.chance(line.loose.share) ? line.loose : null;
  const noun = random.pick(line.nouns);
  let variant = random.pick(line.variants);
  // "Organic eggs Organic" reads like a bug: drop a variant the noun already says.
  if (variant && noun.toLowerCase().includes(variant.toLowerCase())) variant = '';

  let name: string;
  let description: string;
  let price: number;
  let maker: string;
  if (loose) {
    maker = random.pick(ORIGINS);
    if (variant === maker) variant = '';
    name = `${maker} ${noun}${variant ? ` ${variant}` : ''}, per kg`;
    description = `${random.pick(plan.blurbs)} Sold loose by weight; the price is per kg.`;
    price = shopPrice(logUniform(random, loose.kgPrice[0], loose.kgPrice[1]), random);
  } else {
    maker = random.pick(line.brands ?? plan.brands);
    const pack = random.pick(line.sizes);
    name = [maker, noun, variant, pack.label].filter(Boolean).join(' ');
    description = pack.label ? `${random.pick(plan.blurbs)} Pack size: ${pack.label}.` : random.pick(plan.blurbs);
    price = plan.exactPrices
      ? Math.round(line.price[0] * pack.factor)
      : shopPrice(logUniform(random, line.price[0], line.price[1]) * pack.factor * (0.9 + random.next() * 0.2), random);
  }

  const barcode = barcodes.next(maker);
  return {
    id,
    sku,
    barcode,
    name,
    description,
    categoryId,
    price,
    currency: 'EUR',
    taxClass: plan.taxClass,
    unit: loose ? 'kg' : 'piece',
    imageUrl: '',
    extraBarcodes: [],
    image: '',
    minStockMilli: 0,
    quickKey: 0,
    active: true,
    searchText: productSearchText({ name, sku, barcode, extraBarcodes: [] }),
    updatedAt: now,
    updatedBy: 'seed',
  };
}

/** Prices spread evenly on a log scale: as many 1–2 € items as 2–4 € ones, like a real shelf. */
function logUniform(random: SeededRandom, min: number, max: number): number {
  return min * Math.pow(max / min, random.next());
}

/** Shop-style prices: mostly ending in 9 (1.29, 2.49, 3.99), some in 5 or 0. Always at least 9 cents. */
function shopPrice(cents: number, random: SeededRandom): number {
  const roll = random.next();
  let price: number;
  if (roll < 0.65) price = Math.round(cents / 10) * 10 - 1;
  else if (roll < 0.85) price = Math.round(cents / 50) * 50 - 1;
  else price = Math.round(cents / 5) * 5;
  return Math.max(9, price);
}

function weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number, random: SeededRandom): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weightOf(item)));
  return () => {
    const target = random.next() * total;
    for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]!) return items[i]!;
    return items[items.length - 1]!;
  };
}

/**
 * Hands out unique EAN-13s the way GS1 does: each brand (or produce origin) gets a 7-digit company prefix, its
 * products get 5-digit item numbers under it. A crowded prefix falls back to any free 12-digit body. Bodies are
 * kept as numbers: a Set of 100,000 numbers is much cheaper than one of strings.
 */
class BarcodeAllocator {
  private readonly companyPrefixes = new Map<string, number>();
  private readonly used = new Set<number>();

  constructor(private readonly random: SeededRandom) {}

  next(maker: string): string {
    const prefix = this.companyPrefix(maker);
    for (let attempt = 0; attempt < 16; attempt++) {
      const body = prefix * 100_000 + this.random.int(100_000);
      if (this.claim(body)) return completeBarcode('ean13', String(body));
    }
    for (;;) {
      const body = this.random.pick(GS1_PREFIXES) * 1e9 + this.random.int(1e9);
      if (this.claim(body)) return completeBarcode('ean13', String(body));
    }
  }

  private companyPrefix(maker: string): number {
    const known = this.companyPrefixes.get(maker);
    if (known !== undefined) return known;
    const taken = new Set(this.companyPrefixes.values());
    for (;;) {
      const candidate = this.random.pick(GS1_PREFIXES) * 10_000 + this.random.int(10_000);
      if (taken.has(candidate)) continue;
      this.companyPrefixes.set(maker, candidate);
      return candidate;
    }
  }

  private claim(body: number): boolean {
    if (this.used.has(body)) return false;
    this.used.add(body);
    return true;
  }
}
