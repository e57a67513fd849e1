/**
 * Sync of every replicated collection with the store's CouchDB: which server and account to use, the live
 * replications, the status screens show, the audit of conflict losers and the list of refused documents.
 * The till sells whatever happens here: sync problems become status, never errors at the counter.
 */
import { merge, type Subscription } from 'rxjs';
import { deepEqual, getAssumedMasterState, getHeightOfRevision, writeDocToDocState, type RxDocumentData, type RxReplicationConflict } from 'rxdb';
import type { ConnectionCheck, PairingInput, RejectedDocView, RetryResult, SyncStatus } from '../../../shared/api/commands/sync-commands';
import type { CoreContext } from '../services/core-context';
import { readLocal, writeLocal } from '../services/local-state';
import { canonicalJson, decideConflict, editsOf, sameContent } from './conflict-rule';
import { checkConnection } from './connection-check';
import { parseServerUrl, redactUrl } from '../../../shared/sync/couch-url';
import type { SyncCredentials } from './credential-store';
import type { SyncSettings } from './sync-settings';

export type { SyncSettings };
import { DEFAULT_BATCHES, startCollectionReplication, type BatchSizes, type CollectionReplication } from './collection-replication';
import { createPullGuard, type RefusedRevision } from './pull-guard';
import { RejectionList } from './rejections';
import { retryRejectedDocs } from './rejection-retry';
import { DEFAULT_TIMING, ServerLink, type LinkState, type LinkTiming } from './server-link';
import { SYNC_POLICIES } from '../../../shared/sync/sync-policy';
import { databaseName, DEFAULT_DB_PREFIX, REPLICATED_COLLECTIONS, type ReplicatedCollection } from '../../../shared/sync/sync-names';

interface Connection {
  credentials: SyncCredentials;
  link: ServerLink;
  replications: CollectionReplication[];
  /** Hash rxdb marks documents with when they come from this server unchanged. */
  originHash: string;
  serverCounts: Partial<Record<ReplicatedCollection, number>>;
}

const PENDING_CAP = 10_000;
/** Up to this many changed documents are compared one by one with the server's last known version. */
const EXACT_LIMIT = 2_000;
const LAST_SYNC_KEY = 'sync:lastSyncedAt';

export class SyncEngine {
  readonly prefix: string;
  private connection: Connection | null = null;
  private connecting: Promise<void> = Promise.resolve();
  private readonly rejections: RejectionList;
  private configProblem: { kind: string; message: string } | null = null;
  private hintUrl: string | null = null;
  private lastSyncedAt: string | null = null;
  private lastSyncSaved = 0;
  private statusTimer: NodeJS.Timeout | null = null;
  private statusRunning: Promise<SyncStatus> | null = null;
  private lastPushed = '';
  private retryTimer: NodeJS.Timeout | null = null;
  private retrying: Promise<RetryResult> | null = null;
  private stopped = false;
  private localWrites: Subscription | null = null;
  private lastStatusMs = 0;
  /** Revisions the pull refused and audited already (collection, id and fingerprint). */
  private readonly refusedSeen = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly settings: SyncSettings,
  ) {
    this.prefix = settings.prefix ?? DEFAULT_DB_PREFIX;
    this.rejections = new RejectionList(ctx.db, ctx.now, ctx.log, () => this.scheduleStatus());
  }

  async start(): Promise<void> {
    // Local writes change what waits for upload: recount (at most once per status interval).
    this.localWrites = merge(...REPLICATED_COLLECTIONS.map((c) => this.ctx.db[c].$)).subscribe(() => this.scheduleStatus());
    await this.rejections.load();
    this.lastSyncedAt = await readLocal<string | null>(this.ctx, LAST_SYNC_KEY, null);
    const credentials = this.resolveCredentials();
    if (credentials) await this.connect(credentials);
    this.scheduleStatus();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.localWrites?.unsubscribe();
    if (this.statusTimer) clearTimeout(this.statusTimer);
    if (this.retryTimer) clearInterval(this.retryTimer);
    await this.connecting;
    await this.disconnect();
    await this.statusRunning?.catch(() => undefined);
    await this.rejections.flushed();
  }

  /** The latest status, computed afresh. */
  async status(): Promise<SyncStatus> {
    return this.computeStatus();
  }

  rejectionList(): RejectedDocView[] {
    return this.rejections.list();
  }

  testConnection(input: PairingInput): Promise<ConnectionCheck> {
    return checkConnection(input, { terminalId: this.ctx.terminalId, prefix: this.prefix }, this.ctx.log);
  }

  /** Tests the server and account; only when they work, saves them and syncs with them. */
  async pair(input: PairingInput, actorId: string): Promise<ConnectionCheck> {
    const check = await this.testConnection(input);
    if (!check.ok) return check;
    const credentials = { url: parseServerUrl(input.url).url, username: input.username, password: input.password };
    this.settings.credentials.save(credentials);
    this.configProblem = null;
    await this.ctx.audit.record({ actorId, type: 'sync.paired', details: { server: credentials.url, account: credentials.username } });
    await this.connect(credentials);
    return check;
  }

  retryRejected(): Promise<RetryResult> {
    const connection = this.connection;
    if (!connection) return Promise.resolve({ accepted: 0, stillRejected: this.rejections.size, settled: 0 });
    this.retrying ??= retryRejectedDocs({
      db: this.ctx.db,
      link: connection.link,
      prefix: this.prefix,
      rejections: this.rejections,
      onLoser: (collection, winner, loser, reason) => this.auditLoser(collection, winner, loser, reason),
      log: this.ctx.log,
    }).finally(() => {
      this.retrying = null;
      this.scheduleStatus();
    });
    return this.retrying;
  }

  private resolveCredentials(): SyncCredentials | null {
    let stored: SyncCredentials | null = null;
    try {
      stored = this.settings.credentials.load();
    } catch (error) {
      this.ctx.log.error('Could not read the sync credentials', { location: this.settings.credentials.location, error });
    }
    if (!this.settings.url) return stored;
    let configured;
    try {
      configured = parseServerUrl(this.settings.url);
    } catch (error) {
      this.configProblem = { kind: 'bad_url', message: `KASSA_COUCH_URL: ${(error as Error).message}` };
      return stored;
    }
    this.hintUrl = configured.url;
    if (configured.username && configured.password) {
      const credentials = { url: configured.url, username: configured.username, password: configured.password };
      this.settings.credentials.save(credentials);
      return credentials;
    }
    if (stored && stored.url === configured.url) return stored;
    this.configProblem = { kind: 'not_paired', message: `This terminal has no account on ${configured.url} yet: a manager pairs it (status bar → Sync).` };
    return null;
  }

  /** Never rejects: a sync that cannot start is a status, and the till sells on. */
  private connect(credentials: SyncCredentials): Promise<void> {
    this.connecting = this.connecting.then(() =>
      this.startConnection(credentials).catch(async (error: unknown) => {
        this.ctx.log.error('Sync could not start', { server: redactUrl(credentials.url), error });
        this.configProblem = { kind: 'internal', message: 'Sync could not start on this till. Kassa sells on; call IT if this stays.' };
        await this.disconnect().catch(() => undefined);
      }),
    );
    return this.connecting;
  }

  private async startConnection(credentials: SyncCredentials): Promise<void> {
    await this.disconnect();
    if (this.stopped) return;
    const timing = { ...DEFAULT_TIMING, ...this.settings.timing };
    let lastState: LinkState['state'] = 'connecting';
    const link = new ServerLink({
      url: credentials.url,
      username: credentials.username,
      password: credentials.password,
      timing,
      log: this.ctx.log,
      now: this.ctx.now,
      onChange: (state) => {
        // Back online after a problem: refused documents may have been fixed on the server meanwhile.
        const cameBack = state.state === 'online' && lastState === 'offline';
        lastState = state.state;
        if (cameBack && this.connection?.link === link && this.rejections.size > 0 && !this.retrying) void this.retryRejected();
        this.scheduleStatus();
      },
    });
    const identifier = `kassa-${(await this.ctx.db.hashFunction(`${credentials.url}|${this.prefix}`)).slice(0, 16)}`;
    const connection: Connection = {
      credentials,
      link,
      replications: [],
      originHash: await this.ctx.db.hashFunction(`rxdbreplication${identifier}`),
      serverCounts: {},
    };
    this.connection = connection;
    this.ctx.log.info('Sync starting', { server: redactUrl(credentials.url), account: credentials.username, prefix: this.prefix });
    const batches = { ...DEFAULT_BATCHES, ...this.settings.batches };
    for (const collection of REPLICATED_COLLECTIONS) {
      connection.replications.push(
        await startCollectionReplication({
          db: this.ctx.db,
          collection,
          link,
          prefix: this.prefix,
          identifier,
          batches,
          retryMs: this.settings.replicationRetryMs ?? 1_000,
          heartbeatMs: this.settings.heartbeatMs ?? 10_000,
          hooks: {
            onRejected: (rows) => this.rejections.rejected(collection, rows),
            onAccepted: (ids) => this.rejections.accepted(collection, ids),
            admit: createPullGuard({ db: this.ctx.db, collection, prefix: this.prefix, terminalId: this.ctx.terminalId, onRefused: (refused) => this.onPullRefused(refused) }),
          },
          onConflict: (conflict) => void this.onConflict(collection, conflict),
          onActivity: () => this.scheduleStatus(),
          log: this.ctx.log,
        }),
      );
    }
    void this.fetchServerCounts(connection);
    const every = this.settings.rejectionRetryMs ?? 10 * 60_000;
    this.retryTimer = setInterval(() => {
      if (this.rejections.size > 0 && link.state.state === 'online') void this.retryRejected();
    }, every);
    this.retryTimer.unref();
  }

  private async disconnect(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    if (this.retryTimer) clearInterval(this.retryTimer);
    this.retryTimer = null;
    await this.retrying?.catch(() => undefined);
    connection.link.close();
    await Promise.all(connection.replications.map((r) => r.cancel()));
  }

  /** How many documents each database holds, for the first-sync progress bar (design documents left out). */
  private async fetchServerCounts(connection: Connection): Promise<void> {
    for (const collection of REPLICATED_COLLECTIONS) {
      const db = databaseName(this.prefix, collection);
      try {
        const info = JSON.parse((await connection.link.request(`${db}/`)).text) as { doc_count?: number };
        const design = JSON.parse(
          (await connection.link.request(`${db}/_all_docs?startkey=${encodeURIComponent('"_design/"')}&endkey=${encodeURIComponent('"_design0"')}`)).text,
        ) as { rows?: unknown[] };
        connection.serverCounts[collection] = Math.max(0, (info.doc_count ?? 0) - (design.rows?.length ?? 0));
      } catch {
        // Offline: the progress bar appears once the server answers (the next start), sync itself goes on.
        return;
      }
    }
    this.scheduleStatus();
  }

  private async onConflict(collection: ReplicatedCollection, conflict: RxReplicationConflict<Record<string, unknown>>): Promise<void> {
    const local = conflict.input.newDocumentState as Record<string, unknown>;
    const server = conflict.input.realMasterState as Record<string, unknown>;
    const decision = decideConflict(SYNC_POLICIES[collection], local, server);
    if (decision.reason === 'equal') return;
    // The upload that met the conflict may carry an older local version than the store now holds (edited again
    // while offline). rxdb then drops this resolution and resolves again with the newer one: audit that one.
    const [current] = await this.ctx.db[collection].storageInstance.findDocumentsById([String(local.id)], true);
    const now = current ? stripBookkeeping(current as unknown as Record<string, unknown>) : null;
    if (now && !sameContent(now, local) && !sameContent(now, conflict.output as Record<string, unknown>)) return;
    const [winner, loser] = decision.winner === 'local' ? [local, server] : [server, local];
    await this.auditLoser(collection, winner, loser, decision.reason);
  }

  /**
   * A revision the pull refused (pull-guard.ts) stays on the server; the till keeps its own copy. It is logged for
   * IT and audited (once per revision while the till runs), so the store sees that someone wrote past the rules.
   */
  private onPullRefused(refused: RefusedRevision): void {
    const key = `${refused.collection}|${refused.id}|${refused.fingerprint}`;
    if (this.refusedSeen.has(key)) return;
    this.refusedSeen.add(key);
    this.ctx.log.warn('The server holds a revision this till does not take into its books', { ...refused });
    this.ctx.audit
      .record({
        actorId: '',
        type: 'sync.pull_refused',
        subjectId: refused.id.slice(0, 64),
        details: { collection: refused.collection, reason: refused.reason.slice(0, 300), revision: refused.fingerprint },
      })
      .catch((error: unknown) => this.ctx.log.error('Could not audit a refused revision', { ...refused, error }));
  }

  /** The losing version of a conflict goes to the audit log (replicated like any audit event): nothing vanishes. */
  private async auditLoser(collection: string, winner: Record<string, unknown>, loser: Record<string, unknown>, reason: string): Promise<void> {
    const docId = String(loser.id ?? winner.id ?? '');
    const redacted = { ...loser };
    if ('secretHash' in redacted) redacted.secretHash = redacted.secretHash === winner.secretHash ? '(same as winner)' : '(redacted)';
    try {
      await this.ctx.audit.record({
        actorId: '',
        type: 'sync.conflict',
        subjectId: docId.slice(0, 64),
        details: {
          collection,
          reason,
          winnerEdits: editsOf(winner),
          loserEdits: editsOf(loser),
          loser: canonicalJson(redacted).slice(0, 20_000),
        },
      });
      this.ctx.log.info('Sync conflict resolved; the losing version is in the audit log', { collection, docId, reason });
    } catch (error) {
      this.ctx.log.error('Could not record the losing version of a sync conflict', { collection, docId, error });
    }
  }

  private scheduleStatus(): void {
    if (this.statusTimer || this.stopped) return;
    // Counting what waits is work (a large upload has thousands to compare): never spend more than ~20 % on it.
    const delay = Math.max(this.settings.statusIntervalMs ?? 250, 4 * this.lastStatusMs);
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      const started = performance.now();
      void this.computeStatus().then(
        (status) => {
          this.lastStatusMs = performance.now() - started;
          const text = JSON.stringify(status);
          if (text === this.lastPushed) return;
          this.lastPushed = text;
          this.ctx.push({ channelId: null, message: { event: 'sync.status', payload: status } });
        },
        (error: unknown) => this.ctx.log.warn('Could not compute the sync status', { error }),
      );
    }, delay);
  }

  private computeStatus(): Promise<SyncStatus> {
    this.statusRunning ??= this.buildStatus().finally(() => {
      this.statusRunning = null;
    });
    return this.statusRunning;
  }

  private notConfiguredStatus(): SyncStatus {
    return {
      state: 'not_configured',
      server: this.hintUrl,
      account: null,
      problem: this.configProblem,
      lastSyncedAt: this.lastSyncedAt,
      pending: {},
      pendingTotal: 0,
      pendingCapped: false,
      rejected: this.rejections.size,
      firstSync: null,
    };
  }

  private async buildStatus(): Promise<SyncStatus> {
    const connection = this.connection;
    if (!connection || this.stopped) return this.notConfiguredStatus();
    const link = connection.link.state;
    const pending: Record<string, number> = {};
    let pendingTotal = 0;
    let pendingCapped = false;
    let firstDone = 0;
    let firstTotal = 0;
    let active = false;
    for (const replication of connection.replications) {
      const { count, capped } = await this.countPending(connection, replication);
      if (count > 0) pending[replication.collection] = count;
      pendingTotal += count;
      pendingCapped ||= capped;
      active ||= replication.state.subjects.active.getValue();
      const total = connection.serverCounts[replication.collection];
      if (!replication.initialDone && total !== undefined) {
        const here = await this.ctx.db[replication.collection].count().exec();
        firstDone += Math.min(here, total);
        firstTotal += total;
      }
    }
    const allInitial = connection.replications.every((r) => r.initialDone);
    if (link.state === 'online' && allInitial && !active && pendingTotal === 0) await this.noteSynced();
    return {
      state: link.state,
      server: connection.credentials.url,
      account: connection.credentials.username,
      problem: link.problem ? { kind: link.problem.kind, message: link.problem.message } : null,
      lastSyncedAt: this.lastSyncedAt,
      pending,
      pendingTotal,
      pendingCapped,
      rejected: this.rejections.size,
      firstSync: allInitial || firstTotal === 0 ? null : { done: firstDone, total: firstTotal },
    };
  }

  /**
   * Documents written here that the server does not have yet: those changed after the upload checkpoint whose
   * content differs from what the server was last known to hold (rxdb's record of the "assumed master state").
   * Documents that came from the server unchanged are skipped without a lookup.
   */
  private async countPending(connection: Connection, replication: CollectionReplication): Promise<{ count: number; capped: boolean }> {
    const internal = replication.state.internalReplicationState;
    const storage = this.ctx.db[replication.collection].storageInstance;
    if (!internal || !storage.getChangedDocumentsSince) return { count: 0, capped: false };
    let checkpoint = internal.lastCheckpointDoc.up?.checkpointData as { lwt?: number } | undefined;
    // A checkpoint ahead of the clock (the clock was put back) would hide newer writes: look at everything.
    if (typeof checkpoint?.lwt === 'number' && checkpoint.lwt > Date.now() + 60_000) checkpoint = undefined;
    const { documents } = await storage.getChangedDocumentsSince(PENDING_CAP + 1, checkpoint);
    const candidates = (documents as unknown as RxDocumentData<Record<string, unknown>>[]).filter((doc) => {
      const origin = (doc._meta as { o?: { hash?: string; _rev?: number } }).o;
      return !(origin && origin.hash === connection.originHash && origin._rev === getHeightOfRevision(doc._rev));
    });
    if (candidates.length === 0) return { count: 0, capped: false };
    // Many candidates: a large upload under way. Their number is close enough; comparing each costs too much.
    if (candidates.length > EXACT_LIMIT) return { count: Math.min(candidates.length, PENDING_CAP), capped: documents.length > PENDING_CAP };
    const assumed = await getAssumedMasterState(internal, candidates.map((d) => String(d.id)));
    let count = 0;
    for (const doc of candidates) {
      const known = assumed[String(doc.id)];
      if (!known || !deepEqual(known.docData, writeDocToDocState(doc, false, false))) count++;
    }
    return { count: Math.min(count, PENDING_CAP), capped: documents.length > PENDING_CAP };
  }

  private async noteSynced(): Promise<void> {
    const at = this.ctx.now();
    this.lastSyncedAt = new Date(at).toISOString();
    if (at - this.lastSyncSaved < 30_000) return;
    this.lastSyncSaved = at;
    await writeLocal(this.ctx, LAST_SYNC_KEY, this.lastSyncedAt).catch((error: unknown) =>
      this.ctx.log.warn('Could not save the last sync time', { error }),
    );
  }
}

function stripBookkeeping(doc: Record<string, unknown>): Record<string, unknown> {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest;
}
