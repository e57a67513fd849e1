/**
 * The till core: the store, the services and the one dispatcher in front of them. Hosts (Electron IPC, the
 * browser host) create one and pass calls in; nothing else reaches the store.
 */
import { createIdFactory } from '../../shared/ids';
import type { PushTarget, TillCore, TillCoreOptions } from './api/till-core-types';
import { createDispatcher } from './api/dispatcher';
import type { Handlers } from './api/handler-types';
import { CredentialCheck } from './auth/credential-check';
import { SessionRegistry } from './auth/session-registry';
import { watchSessionUser } from './auth/watch-session-user';
import { openDatabase, type KassaDatabase } from './db/open-database';
import { createLogger } from './log';
import { AuditLog } from './services/audit-log';
import { createAuthHandlers } from './services/auth-handlers';
import { createCatalogHandlers, watchCatalog } from './services/catalog-handlers';
import type { CoreContext } from './services/core-context';
import { seedDemo } from './services/demo-data';
import { createWriteQueue } from './services/write-queue';
import { mergeDistinct } from '../../shared/api/distinct-merge';
import { createUserHandlers } from './services/users-handlers';
import { createAccessHandlers } from './services/access-handlers';
import { createSecretHandlers } from './services/secret-handlers';
import { processorFromKeyFile } from './payments/processor-key';
import { startSelling } from './selling/start-selling';
import { ProductBook } from './catalog/product-book';
import { createProductsHandlers } from './catalog/products-handlers';
import { createReportsHandlers } from './reports/reports-handlers';
import { SalesFigures } from './reports/sales-figures';
import { TerminalStatusBoard } from './reports/terminal-status';
import { ShiftDesk } from './shifts/shift-desk';
import { createShiftsHandlers } from './shifts/shifts-handlers';
import { createMemoryCredentialStore } from './sync/credential-store';
import { SyncEngine } from './sync/sync-engine';
import { createSyncHandlers } from './sync/sync-handlers';
import { CatalogImports } from './catalog/catalog-import';
import { createCatalogIoHandlers } from './catalog/catalog-io-handlers';

export async function createTillCore(options: TillCoreOptions): Promise<LocalTillCore> {
  const db = await openDatabase({ dataDir: options.dataDir });
  try {
    return await createTillCoreOn(db, options);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * The core on an already open database, which it takes over (closing the core closes it). Tests and benchmarks
 * use this to look at the store directly; hosts use `createTillCore`.
 */
/** A core in this process: it can also say when the work behind its answers is written (tests, benchmarks). */
export interface LocalTillCore extends TillCore {
  /** Resolves once what follows every command answered so far (a sale's payments, stock, audit) is written. */
  settled(): Promise<void>;
  /** The sales figures managers read (tests and benchmarks wait on them). */
  readonly figures: SalesFigures;
  /** Every terminal's status and this one's publisher (tests). */
  readonly terminals: TerminalStatusBoard;
  /** The one writer of products and categories (imports and tests call it directly). */
  readonly products: ProductBook;
}

export async function createTillCoreOn(db: KassaDatabase, options: TillCoreOptions): Promise<LocalTillCore> {
  const log = createLogger(`core:${options.terminalId}`);
  const now = options.now ?? Date.now;
  const newId = createIdFactory(options.terminalId, { now });
  const listeners = new Set<(target: PushTarget) => void>();
  const push = (target: PushTarget) => {
    for (const listener of listeners) {
      try {
        listener(target);
      } catch (error) {
        log.warn('A push listener failed', { event: target.message.event, error });
      }
    }
  };

  // Work queued to follow a command's answer reports its own failures; this catches what slips through.
  const writes = createWriteQueue((error) => log.error('Work queued after a command failed', { error }));
  const audit = new AuditLog({ db, terminalId: options.terminalId, now, newId });
  const ctx: CoreContext = { db, terminalId: options.terminalId, now, newId, push, log, audit, writes };
  const sessions = new SessionRegistry((ended) =>
    push({ channelId: ended.channelId, message: { event: 'session.changed', payload: null } }),
  );
  const credentials = new CredentialCheck(ctx);
  const sync = new SyncEngine(ctx, options.sync ?? { url: null, credentials: createMemoryCredentialStore() });

  if (options.demo) await seedDemo(ctx, options.demoProducts);
  // Checkout asks the shift desk, which needs selling's queue and settings: it is set right after selling starts.
  let shifts: ShiftDesk | null = null;
  // Before any command is served: sales a crash left incomplete are completed, the cart is repaired.
  const processor = options.processor !== undefined ? options.processor : processorFromKeyFile(options.dataDir, log, options.processorTimeoutMs);
  const selling = await startSelling({
    ctx,
    credentials,
    processor,
    mayTakeMoney: () => shifts?.assertMayTakeMoney(),
    ...(options.paymentTiming ? { paymentTiming: options.paymentTiming } : {}),
  });
  const nameOf = (userId: string) => selling.receipts.clerkName(userId);
  const figures = new SalesFigures(ctx, options.figures);
  shifts = await ShiftDesk.start({ ctx, settings: selling.settings, credentials, nameOf, calendar: figures.calendar });
  const desk = shifts;
  const openShift = () => (desk.current ? { id: desk.current.id, openedBy: desk.current.openedBy, openedAt: desk.current.openedAt } : null);
  const board = new TerminalStatusBoard(
    ctx,
    { sync: () => sync.status(), openShift, lastSale: () => figures.lastSaleOf(options.terminalId) },
    options.terminalStatus,
  );
  const stopAnnouncingShifts = desk.onChange((shift) => {
    board.poke();
    void (shift ? desk.view(shift) : Promise.resolve(null)).then(
      (view) => push({ channelId: null, message: { event: 'shift.changed', payload: view } }),
      (error: unknown) => log.warn('Could not announce the shift', { error }),
    );
  });

  const products = new ProductBook({ ctx, catalog: selling.catalog, currency: () => selling.settings.current().currency });
  const currency = () => selling.settings.current().currency;
  const imports = new CatalogImports({ ctx, book: products, catalog: selling.catalog, currency });
  const handlers: Handlers = mergeDistinct(
    createAuthHandlers({ ctx, sessions, credentials, demo: options.demo }),
    createUserHandlers({ ctx, sessions, credentials }),
    createSecretHandlers({ ctx, sessions, credentials }),
    createAccessHandlers(ctx),
    createCatalogHandlers(ctx),
    { 'audit.recent': (input: { limit: number }) => ctx.audit.recent(input.limit) },
    createSyncHandlers(sync),
    selling.handlers,
    createShiftsHandlers(desk),
    createProductsHandlers(products),
    createReportsHandlers({
      ctx,
      figures,
      board,
      catalog: selling.catalog,
      nameOf,
      currency: () => selling.settings.current().currency,
      syncState: () => sync.status(),
      openShift,
    }),
    createCatalogIoHandlers({ ctx, imports, book: products, currency }),
  );
  const dispatch = createDispatcher(handlers, sessions, log, writes);

  const stopWatchingCatalog = watchCatalog(ctx);
  const stopWatchingSessionUser = watchSessionUser(ctx, sessions);
  await sync.start();
  // Both work in the background from here: the core answers its first command without waiting for them.
  figures.start();
  board.start();
  // This till's own sales change what its status says; other terminals' arriving by sync do not.
  const ownSales = ctx.db.sales.insert$.subscribe((event) => {
    if (event.documentData.terminalId === options.terminalId) board.poke();
  });
  let closed = false;

  return {
    terminalId: options.terminalId,
    dispatch: (channelId, name, rawInput) =>
      closed
        ? Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'The till is shutting down.' } })
        : dispatch(channelId, name, rawInput),
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    closeChannel(channelId) {
      sessions.end(channelId);
    },
    settled: () => writes.idle(),
    figures,
    terminals: board,
    products,
    async close() {
      if (closed) return;
      closed = true;
      await writes.idle();
      ownSales.unsubscribe();
      stopAnnouncingShifts();
      await board.stop();
      await figures.stop();
      stopWatchingCatalog();
      stopWatchingSessionUser();
      await selling.stop();
      await sync.stop();
      listeners.clear();
      await db.close();
    },
  };
}
