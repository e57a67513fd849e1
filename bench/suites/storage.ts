/**
 * Storage suite: 100k products through RxDB on Kassa's SQLite storage, and the same on rxdb's memory storage for
 * comparison (metrics suffixed `_memory`).
 *
 * - storage_bulk_insert_docs_per_s: 100k generated products inserted with bulkInsert in batches of 5,000.
 * - storage_query_p95_ms: p95 of 300 distinct catalog pages (category, sorted by name, 50 per page, varying page).
 * - storage_barcode_lookup_p95_ms: p95 of 300 distinct findOne-by-barcode scans.
 * - cold_start_100k_ms: SQLite: a fresh Node process opens the 100k-product file (createRxDatabase + addCollections)
 *   until the first catalog page answers. Memory: a new RxDatabase over the still-filled in-memory state (the
 *   insert not counted) until the first page answers. That is RxDB's own start-up cost; a real restart of a
 *   memory-storage app would find no data at all.
 * - storage_file_size_100k_mb: the SQLite file (with its WAL) after the insert.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { databaseFilePath } from '../../electron/core/storage/sqlite-connection';
import { getRxStorageSQLite } from '../../electron/core/storage/sqlite-storage';
import { generateCatalog } from '../../shared/catalog/generate-catalog';
import { createSeededRandom } from '../../shared/catalog/seeded-random';
import type { ProductDoc } from '../../shared/model';
import type { BenchResult, BenchSize } from '../bench-types';
import { byBarcode, categoryPage, openProductDatabase, PAGE_SIZE, percentile, timeEach } from '../support/product-db';
import type { ProductDatabase } from '../support/product-db';

const SIZES = {
  full: { products: 100_000, measuredQueries: 300, warmupQueries: 20 },
  quick: { products: 5_000, measuredQueries: 30, warmupQueries: 5 },
} satisfies Record<BenchSize, unknown>;
const BATCH = 5_000;
const SEED = 20_250_101;
const COLD_START_CHILD = fileURLToPath(new URL('../support/cold-start-child.ts', import.meta.url));

interface Workload {
  warmup: number;
  products: ProductDoc[];
  pages: { categoryId: string; page: number }[];
  barcodes: string[];
}

export async function storageSuite(size: BenchSize): Promise<BenchResult[]> {
  const workload = makeWorkload(SIZES[size]);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-storage-'));
  try {
    const sqlite = await measureSQLite(directory, workload);
    const memory = await measureMemory(workload);
    return [...sqlite, ...memory.map((result) => ({ ...result, name: `${result.name}_memory` }))];
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function measureSQLite(directory: string, workload: Workload): Promise<BenchResult[]> {
  const name = 'bench';
  const storage = () => getRxStorageSQLite({ directory }) as RxStorage<unknown, unknown>;
  const filling = await openProductDatabase(name, storage());
  const insertRate = await bulkInsertRate(filling, workload.products);
  await filling.close();
  const file = databaseFilePath(directory, name);
  const fileMb = (fs.statSync(file).size + sizeIfExists(`${file}-wal`)) / 1024 / 1024;

  const coldStartMs = await coldStartInFreshProcess(directory, name, firstCategory(workload));
  const db = await openProductDatabase(name, storage());
  const queries = await queryTimes(db, workload);
  await db.close();
  return [
    { name: 'storage_bulk_insert_docs_per_s', value: Math.round(insertRate), unit: 'docs/s' },
    { name: 'storage_query_p95_ms', value: round2(percentile(queries.pages, 95)), unit: 'ms' },
    { name: 'storage_barcode_lookup_p95_ms', value: round2(percentile(queries.barcodes, 95)), unit: 'ms' },
    { name: 'cold_start_100k_ms', value: Math.round(coldStartMs), unit: 'ms' },
    { name: 'storage_file_size_100k_mb', value: round2(fileMb), unit: 'MiB' },
  ];
}

async function measureMemory(workload: Workload): Promise<BenchResult[]> {
  // The memory storage keeps each database's state in its module after close(): a unique name starts empty.
  const name = `bench${Date.now()}`;
  const storage = getRxStorageMemory() as RxStorage<unknown, unknown>;
  const filling = await openProductDatabase(name, storage);
  const insertRate = await bulkInsertRate(filling, workload.products);
  await filling.close();

  const started = performance.now();
  const db = await openProductDatabase(name, storage);
  await categoryPage(db, firstCategory(workload), 0);
  const coldStartMs = performance.now() - started;
  const queries = await queryTimes(db, workload);
  await db.remove();
  return [
    { name: 'storage_bulk_insert_docs_per_s', value: Math.round(insertRate), unit: 'docs/s' },
    { name: 'storage_query_p95_ms', value: round2(percentile(queries.pages, 95)), unit: 'ms' },
    { name: 'storage_barcode_lookup_p95_ms', value: round2(percentile(queries.barcodes, 95)), unit: 'ms' },
    { name: 'cold_start_100k_ms', value: Math.round(coldStartMs), unit: 'ms' },
  ];
}

async function bulkInsertRate(db: ProductDatabase, products: ProductDoc[]): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < products.length; from += BATCH) {
    const { error } = await db.products.bulkInsert(products.slice(from, from + BATCH));
    if (error.length > 0) throw new Error(`bulk insert failed: ${JSON.stringify(error[0]).slice(0, 300)}`);
  }
  return products.length / ((performance.now() - started) / 1000);
}

/** Warm-up queries first (not counted), then the measured ones; every query is distinct, so none is cached. */
async function queryTimes(db: ProductDatabase, workload: Workload): Promise<{ pages: number[]; barcodes: number[] }> {
  const [warmPages, pages] = [workload.pages.slice(0, workload.warmup), workload.pages.slice(workload.warmup)];
  const [warmCodes, codes] = [workload.barcodes.slice(0, workload.warmup), workload.barcodes.slice(workload.warmup)];
  await timeEach(warmPages, (p) => categoryPage(db, p.categoryId, p.page));
  await timeEach(warmCodes, (code) => byBarcode(db, code));
  const pageTimes = await timeEach(pages, async (p) => {
    if ((await categoryPage(db, p.categoryId, p.page)).length === 0) throw new Error(`empty page ${JSON.stringify(p)}`);
  });
  const barcodeTimes = await timeEach(codes, async (code) => {
    if (!(await byBarcode(db, code))) throw new Error(`barcode ${code} not found`);
  });
  return { pages: pageTimes, barcodes: barcodeTimes };
}

function coldStartInFreshProcess(directory: string, name: string, categoryId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', COLD_START_CHILD, directory, name, categoryId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`cold-start process exited ${code}: ${output}`));
      resolve((JSON.parse(line) as { ms: number }).ms);
    });
  });
}

function makeWorkload(sizes: (typeof SIZES)[BenchSize]): Workload {
  const { products } = generateCatalog({ products: sizes.products, seed: SEED });
  const random = createSeededRandom(SEED);
  const perCategory = new Map<string, number>();
  for (const product of products) perCategory.set(product.categoryId, (perCategory.get(product.categoryId) ?? 0) + 1);
  const categories = [...perCategory.keys()];
  const wanted = sizes.warmupQueries + sizes.measuredQueries;

  const pages: Workload['pages'] = [];
  const seenPages = new Set<string>();
  while (pages.length < wanted) {
    const categoryId = random.pick(categories);
    const page = random.int(Math.ceil((perCategory.get(categoryId) ?? 0) / PAGE_SIZE));
    if (seenPages.has(`${categoryId}/${page}`)) continue;
    seenPages.add(`${categoryId}/${page}`);
    pages.push({ categoryId, page });
  }
  const barcodes = new Set<string>();
  while (barcodes.size < wanted) barcodes.add(random.pick(products).barcode);
  return { warmup: sizes.warmupQueries, products, pages, barcodes: [...barcodes] };
}

function firstCategory(workload: Workload): string {
  const first = workload.products[0];
  if (!first) throw new Error('the catalog is empty');
  return first.categoryId;
}

function sizeIfExists(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
