/**
 * Every terminal's status, and this terminal's own: the only writer of `terminal_status`. Each till writes one
 * document about itself (its id is the terminal id) when what it says changes — its sync state and backlog, its
 * open shift, its last sale — and at least every `heartbeatMs` while it runs, so the others can tell it is alive.
 * The document replicates like any other; only its own terminal may write it (shared/sync/sync-policy.ts).
 */
import type { Subscription } from 'rxjs';
import type { SyncStatus } from '../../../shared/api/commands/sync-commands';
import type { TerminalStatusDoc } from '../../../shared/model';
import type { TerminalStatusOptions } from '../api/till-core-types';
import type { CoreContext } from '../services/core-context';

export interface TerminalStatusInputs {
  sync: () => Promise<SyncStatus>;
  openShift: () => { id: string; openedBy: string; openedAt: string } | null;
  lastSale: () => { at: string; number: string } | null;
}

export class TerminalStatusBoard {
  private readonly docs = new Map<string, TerminalStatusDoc>();
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly startedAt: string;

  constructor(
    private readonly ctx: CoreContext,
    private readonly inputs: TerminalStatusInputs,
    private readonly options: TerminalStatusOptions = {},
  ) {
    this.startedAt = new Date(ctx.now()).toISOString();
  }

  /** Resolves at once: reading the others' documents and writing this one's happen in the background. */
  start(): void {
    this.subscription = this.ctx.db.terminal_status.eventBulks$.subscribe((bulk) => {
      for (const event of bulk.events) {
        if (event.operation === 'DELETE') this.docs.delete(event.documentId);
        else this.docs.set(event.documentId, stripMeta(event.documentData as TerminalStatusDoc));
      }
    });
    this.writing = this.load().then(() => this.publish());
    this.timer = setInterval(() => this.poke(), this.options.checkMs ?? 10_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.writing;
  }

  /** Something this till reports changed (a sale, a shift, sync): write soon. */
  poke(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.writing = this.writing.then(() => this.publish());
    }, 250);
  }

  /** Every terminal that published a status, this one included. */
  all(): TerminalStatusDoc[] {
    return [...this.docs.values()].sort((a, b) => (a.terminalId < b.terminalId ? -1 : 1));
  }

  /** Resolves once what was asked to be written is written (tests). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private async load(): Promise<void> {
    for (const doc of await this.ctx.db.terminal_status.find().exec()) this.docs.set(doc.id, stripMeta(doc.toMutableJSON() as TerminalStatusDoc));
  }

  private async publish(): Promise<void> {
    if (this.stopped) return;
    try {
      const next = await this.current();
      const before = this.docs.get(this.ctx.terminalId);
      const stale = !before || this.ctx.now() - Date.parse(before.updatedAt) >= (this.options.heartbeatMs ?? 60_000);
      if (!stale && before && sameSay(before, next)) return;
      await this.ctx.db.terminal_status.upsert(next);
      this.docs.set(next.id, next);
    } catch (error) {
      this.ctx.log.warn('Could not publish this terminal’s status', { error });
    }
  }

  private async current(): Promise<TerminalStatusDoc> {
    const sync = await this.inputs.sync();
    const shift = this.inputs.openShift();
    const sale = this.inputs.lastSale();
    // Its own status document waits to upload after every write: counting it would make it write forever.
    const own = sync.pending.terminal_status ?? 0;
    return {
      id: this.ctx.terminalId,
      terminalId: this.ctx.terminalId,
      updatedAt: new Date(this.ctx.now()).toISOString(),
      startedAt: this.startedAt,
      syncState: sync.state,
      lastSyncedAt: sync.lastSyncedAt ?? '',
      pendingTotal: Math.max(0, sync.pendingTotal - own),
      pendingCapped: sync.pendingCapped,
      rejected: sync.rejected,
      openShiftId: shift?.id ?? '',
      openShiftBy: shift?.openedBy ?? '',
      openShiftAt: shift?.openedAt ?? '',
      lastSaleNumber: sale?.number ?? '',
      lastSaleAt: sale?.at ?? '',
    };
  }
}

function sameSay(a: TerminalStatusDoc, b: TerminalStatusDoc): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function stripMeta(doc: TerminalStatusDoc): TerminalStatusDoc {
  const { _meta, _rev, _attachments, _deleted, ...rest } = doc as TerminalStatusDoc & Record<string, unknown>;
  void _meta;
  void _rev;
  void _attachments;
  void _deleted;
  return rest as TerminalStatusDoc;
}
