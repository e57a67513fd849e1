/**
 * Two manager terminals edit the same product while apart. Whatever order they reconnect in, every terminal and
 * the server end with the same version, chosen by the edit-counter rule (not by anyone's clock), and the losing
 * version is in the audit log everywhere.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../shared/catalog/generate-catalog';
import type { ProductDoc } from '../../../shared/model';
import { createNetworkSwitch, type NetworkSwitch } from './test-support/network-switch';
import type { RemoteTill } from './test-support/remote-till';
import { openSyncTill, startSyncBackend, waitFor, waitForSynced, type SyncBackend } from './test-support/sync-harness';

const HOUR = 3_600_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Pair {
  backend: SyncBackend;
  t1: RemoteTill;
  t2: RemoteTill;
  net1: NetworkSwitch;
  net2: NetworkSwitch;
  products: ProductDoc[];
}

/** T1's clock runs six hours ahead: its edits carry later `updatedAt` times than T2's. */
async function twoManagerTills(): Promise<Pair> {
  const backend = await startSyncBackend([{ terminalId: 'T1', manager: true }, { terminalId: 'T2', manager: true }]);
  cleanups.push(() => backend.close());
  const net1 = await createNetworkSwitch(backend.url);
  const net2 = await createNetworkSwitch(backend.url);
  cleanups.push(() => net1.close(), () => net2.close());
  const [t1, t2] = await Promise.all([
    openSyncTill(backend, { terminalId: 'T1', url: net1.url, clockOffsetMs: 6 * HOUR }),
    openSyncTill(backend, { terminalId: 'T2', url: net2.url }),
  ]);
  cleanups.push(() => t1.dispose(), () => t2.dispose());
  const products = generateCatalog({ products: 3, seed: 11, idPrefix: 'T1' }).products;
  await t1.insert('products', products);
  await waitFor('the products on T2', async () => (await t2.count('products')) === 3);
  await Promise.all([waitForSynced(t1), waitForSynced(t2)]);
  return { backend, t1, t2, net1, net2, products };
}

type Conflict = { type: string; subjectId: string; details: Record<string, unknown> };

async function conflictsAbout(source: { find(c: 'audit_events'): Promise<Record<string, unknown>[]> }, id: string): Promise<Conflict[]> {
  return ((await source.find('audit_events')) as unknown as Conflict[]).filter((e) => e.type === 'sync.conflict' && e.subjectId === id);
}

const serverAudit = (backend: SyncBackend) => ({ find: () => backend.docs('audit_events') });

async function converged(pair: Pair, id: string, check: (p: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]> {
  return waitFor(`${id} to be the same everywhere`, async () => {
    const versions = [
      await pair.t1.get('products', id),
      await pair.t2.get('products', id),
      (await pair.backend.docs('products')).find((p) => p._id === id) ?? null,
    ];
    if (versions.some((v) => !v || !check(v))) return null;
    return versions as Record<string, unknown>[];
  }, 30_000);
}

const content = (doc: Record<string, unknown>) => {
  const { _id, _rev, id, _meta, _deleted, _attachments, ...rest } = doc;
  return { id: id ?? _id, ...rest };
};

describe('concurrent edits of one product on two terminals', () => {
  it('keeps the version with more edits everywhere, though the other terminal clock says it is later', { timeout: 180_000 }, async () => {
    const pair = await twoManagerTills();
    const { t1, t2, net1, net2, backend } = pair;
    const id = pair.products[0]!.id;
    net1.setOnline(false);
    net2.setOnline(false);
    await t1.patch('products', id, { price: 111, updatedAt: new Date(Date.now() + 6 * HOUR).toISOString(), updatedBy: 'T1' });
    await t2.patch('products', id, { price: 222, updatedAt: new Date().toISOString(), updatedBy: 'T2' });
    await t2.patch('products', id, { name: 'Renamed on T2' });
    expect(await t1.get('products', id)).toMatchObject({ edits: 2, price: 111 });
    expect(await t2.get('products', id)).toMatchObject({ edits: 3, price: 222 });

    net1.setOnline(true);
    await waitFor('T1 edit on the server', async () => (await backend.docs('products')).find((p) => p._id === id)?.price === 111);
    net2.setOnline(true);
    const versions = await converged(pair, id, (p) => p.price === 222 && p.name === 'Renamed on T2');
    expect(new Set(versions.map((v) => JSON.stringify(content(v)))).size).toBe(1);
    expect(versions[0]).toMatchObject({ edits: 3 });

    // T2 decided (it uploaded second); its audit event reaches the server and T1.
    for (const source of [t2, t1, serverAudit(backend)]) {
      const [event] = await waitFor('the conflict in the audit log', async () => {
        const found = await conflictsAbout(source, id);
        return found.length > 0 ? found : null;
      });
      expect(event!.details).toMatchObject({ collection: 'products', reason: 'more_edits', winnerEdits: 3, loserEdits: 2 });
      expect(JSON.parse(String(event!.details.loser))).toMatchObject({ id, price: 111, edits: 2, updatedBy: 'T1' });
    }
  });

  it('breaks a tie the same way whichever terminal reconnects first', { timeout: 180_000 }, async () => {
    const pair = await twoManagerTills();
    const { t1, t2, net1, net2 } = pair;
    const [p, q] = [pair.products[1]!.id, pair.products[2]!.id];
    const at = new Date(Date.UTC(2026, 10, 28, 12)).toISOString();

    // Round 1 on P: T1 comes back first. Round 2 on Q, the same two edits: T2 comes back first.
    for (const [id, first, second] of [
      [p, net1, net2],
      [q, net2, net1],
    ] as const) {
      net1.setOnline(false);
      net2.setOnline(false);
      await t1.patch('products', id, { price: 300, updatedAt: at, updatedBy: 'T?' });
      await t2.patch('products', id, { price: 400, updatedAt: at, updatedBy: 'T?' });
      first.setOnline(true);
      await waitFor('the first upload', async () => (await pair.backend.docs('products')).find((d) => d._id === id)?.edits === 2);
      second.setOnline(true);
      await converged(pair, id, (d) => d.price === 400);
    }
    for (const id of [p, q]) {
      const events = await waitFor('one tie audited', async () => {
        const found = await conflictsAbout(serverAudit(pair.backend), id);
        return found.length === 1 ? found : null;
      });
      expect(events[0]!.details).toMatchObject({ reason: 'tiebreak', winnerEdits: 2, loserEdits: 2 });
      expect(JSON.parse(String(events[0]!.details.loser))).toMatchObject({ price: 300 });
    }
  });
});
