/**
 * Host loop suite: how long the process that answers the screen (here the browser host; in Electron, main) stops
 * answering while the till does its heaviest work. A till whose store holds 100,000 products starts (catalog index
 * built), the back office has changed the price of every one of them on the server (a pull of 100,000 documents),
 * and a clerk rings up sales over HTTP the whole time, with a screen's WebSocket open for pushes. The sync server
 * (the embedded one, on leveldb) runs in a process of its own, as a store's CouchDB runs on a machine of its own.
 *
 * - host_loop_stall_max_ms: the longest event-loop delay of the host process (perf_hooks.monitorEventLoopDelay,
 *   5 ms resolution), from before the core starts until the pull has landed: the till as it ships, the core in
 *   its own process. Target ≤ 50 ms.
 * - host_loop_stall_in_process_max_ms: the same with the core built on the host's own loop (how the till ran
 *   before), for comparison.
 * - host_loop_pull_s: from the host's start until the last changed price is on the till (the shipped till).
 * - host_loop_checkout_p95_ms: p95 of the clerk's checkouts over HTTP meanwhile (the shipped till).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { CouchAdmin } from '../../server/couch-admin';
import { freePort, startServerProcess, type ServerProcess } from '../../server/test-support/server-process';
import { generateCatalog } from '../../shared/catalog/generate-catalog';
import { createSeededRandom } from '../../shared/catalog/seeded-random';
import type { ProductDoc } from '../../shared/model';
import { terminalUserName } from '../../shared/sync/sync-names';
import { openDatabase } from '../../electron/core/db/open-database';
import { demoUserDocs } from '../../electron/core/services/demo-data';
import { createFileCredentialStore } from '../../electron/core/sync/credential-store';
import { createTillCoreOn } from '../../electron/core/till-core';
import type { TillConfig } from '../../electron/host/till-config';
import { waitFor } from '../../electron/core/sync/test-support/sync-harness';
import type { BenchResult, BenchSize } from '../bench-types';
import type { HostLoopReport } from '../support/host-loop-child';
import { percentile } from '../support/product-db';

const PREFIX = 'hostloop_';
const TERMINAL = 'HL1';
const PRODUCTS: Record<BenchSize, number> = { full: 100_000, quick: 2_000 };
const BATCH = 5_000;
const CHILD = fileURLToPath(new URL('../support/host-loop-child.ts', import.meta.url));

interface Store {
  server: ServerProcess;
  admin: CouchAdmin;
  password: string;
}

export async function hostLoopSuite(size: BenchSize): Promise<BenchResult[]> {
  const products = PRODUCTS[size];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kassa-bench-hostloop-'));
  const store = await startStore(path.join(work, 'server'));
  try {
    const catalog = generateCatalog({ products, seed: 31, idPrefix: 'HQ' });
    await seedServer(store, catalog);
    const synced = path.join(work, 'synced');
    await firstSync(store, synced, products);
    const last = await changeEveryPrice(store, catalog.products);
    const shipped = await measure(store, synced, path.join(work, 'shipped'), 'shipped', last);
    const inProcess = await measure(store, synced, path.join(work, 'in-process'), 'in-process', last);
    return [
      { name: 'host_loop_stall_max_ms', value: shipped.report.maxMs, unit: 'ms' },
      { name: 'host_loop_stall_in_process_max_ms', value: inProcess.report.maxMs, unit: 'ms' },
      { name: 'host_loop_pull_s', value: Math.round(shipped.pullMs / 100) / 10, unit: 's' },
      { name: 'host_loop_checkout_p95_ms', value: Math.round(percentile(shipped.checkouts, 95) * 100) / 100, unit: 'ms' },
    ];
  } finally {
    await store.server.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function startStore(dataDir: string): Promise<Store> {
  const password = randomBytes(9).toString('hex');
  const server = await startServerProcess({
    dataDir,
    port: await freePort(),
    adminPassword: randomBytes(9).toString('hex'),
    prefix: PREFIX,
    extraArgs: ['--terminal', TERMINAL, '--password', password, '--manager'],
  });
  return { server, admin: new CouchAdmin(server.adminUrl), password };
}

async function bulk(store: Store, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await store.admin.expect(`writing ${collection}`, 'POST', `${PREFIX}${collection}/_bulk_docs`, { docs: docs.slice(i, i + BATCH) }, [201]);
  }
}

/** The store's back office has put its catalog and users on the server. */
async function seedServer(store: Store, catalog: ReturnType<typeof generateCatalog>): Promise<void> {
  const users = await demoUserDocs(new Date().toISOString(), 'HQ');
  await bulk(store, 'users', users.map(({ id, ...rest }) => ({ _id: id, ...rest, edits: 1 })));
  await bulk(store, 'categories', catalog.categories.map(({ id, ...rest }) => ({ _id: id, ...rest, edits: 1 })));
  await bulk(store, 'products', catalog.products.map(({ id, ...rest }) => ({ _id: id, ...rest, edits: 1 })));
}

/** A till that has synced the whole store once: the starting point of every measured run (copied for each). */
async function firstSync(store: Store, dataDir: string, products: number): Promise<void> {
  const credentials = createFileCredentialStore(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  credentials.save({ url: store.server.url, username: terminalUserName(PREFIX, TERMINAL), password: store.password });
  const db = await openDatabase({ dataDir });
  const core = await createTillCoreOn(db, { dataDir, terminalId: TERMINAL, demo: false, sync: { url: store.server.url, prefix: PREFIX, credentials } });
  try {
    await waitFor(`the first sync of ${products} products`, async () => (await db.products.count().exec()) === products, 600_000, 250);
  } finally {
    await core.close();
  }
}

/** The back office raises every price by one cent; returns the product changed last and its new price. */
async function changeEveryPrice(store: Store, products: ProductDoc[]): Promise<{ barcode: string; price: number }> {
  const { body } = await store.admin.request<{ rows: { id: string; value: { rev: string } }[] }>('GET', `${PREFIX}products/_all_docs`);
  const revs = new Map(body.rows.map((r) => [r.id, r.value.rev]));
  const changed = products.map(({ id, ...rest }) => ({ _id: id, _rev: revs.get(id), ...rest, price: rest.price + 1, edits: 2 }));
  await bulk(store, 'products', changed);
  const last = changed[changed.length - 1]!;
  return { barcode: last.barcode, price: last.price };
}

interface Run {
  report: HostLoopReport;
  pullMs: number;
  checkouts: number[];
}

async function measure(store: Store, synced: string, dataDir: string, mode: 'shipped' | 'in-process', last: { barcode: string; price: number }): Promise<Run> {
  fs.cpSync(synced, dataDir, { recursive: true });
  const config: TillConfig = {
    terminalId: TERMINAL,
    port: 0,
    dataDir,
    demo: false,
    demoProducts: 0,
    couchUrl: store.server.url,
    dbPrefix: PREFIX,
    serverPort: 0,
    serverDataDir: dataDir,
    embeddedServer: false,
    processorPort: 1,
    processorControlPort: 1,
    processorDataDir: dataDir,
    embeddedProcessor: false,
  };
  const started = performance.now();
  const child = fork(CHILD, [mode, JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, KASSA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const { url } = await nextMessage<{ url: string }>(child);
    const till = await clerkAt(url);
    const random = createSeededRandom(7);
    const checkouts: number[] = [];
    let pullMs = 0;
    while (pullMs === 0) {
      checkouts.push(await till.sale(random));
      if (await till.priceIs(last.barcode, last.price)) pullMs = performance.now() - started;
      if (performance.now() - started > 600_000) throw new Error('the changed catalog did not arrive within 10 minutes');
    }
    till.close();
    child.send('report');
    const report = await nextMessage<HostLoopReport>(child);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(
      `host loop (${mode}): max ${report.maxMs} ms, p99 ${report.p99Ms} ms, ready at ${report.readyAtMs} ms, ` +
        `host CPU ${report.cpuMs} ms in ${seconds} s; longest stalls (ms after start) ${JSON.stringify(report.longest)}`,
    );
    return { report, pullMs, checkouts };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

function nextMessage<T>(child: ReturnType<typeof fork>): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the host process stopped (exit ${code})`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** A clerk logged in at the till's screen: HTTP calls with the screen's cookie, and its push socket open. */
async function clerkAt(url: string) {
  let cookie = '';
  const call = async (name: string, input: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}api/call/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url.replace(/\/$/, ''), ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(input),
    });
    cookie ||= response.headers.get('set-cookie')?.split(';')[0] ?? '';
    const result = (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value!;
  };
  await call('auth.login', { username: 'clara', secret: '1234' });
  const socket = new WebSocket(`${url.replace('http', 'ws')}api/events`, { headers: { Cookie: cookie, Origin: url.replace(/\/$/, '') } });
  socket.on('error', () => undefined);
  const barcodes = ((await call('catalog.search', { query: 'a', limit: 50 })).items as { barcode: string }[]).map((p) => p.barcode).filter(Boolean);
  return {
    /** Three scans and a cash checkout; returns the checkout's time. */
    async sale(random: ReturnType<typeof createSeededRandom>): Promise<number> {
      let cart: Record<string, unknown> = {};
      for (let i = 0; i < 3; i++) cart = await call('cart.scan', { code: random.pick(barcodes) });
      const started = performance.now();
      await call('checkout.pay', { cartRevision: cart.revision, tenders: [{ method: 'cash', amount: (cart.total as number) + 1_000 }] });
      return performance.now() - started;
    },
    async priceIs(barcode: string, price: number): Promise<boolean> {
      const found = (await call('catalog.search', { query: barcode, limit: 1 })).items as { barcode: string; price: number }[];
      return found[0]?.barcode === barcode && found[0].price === price;
    },
    close: () => socket.close(),
  };
}
