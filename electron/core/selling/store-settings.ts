/**
 * The store's selling settings: the `settings` document `store`, whose value is the JSON of StoreSettingsView
 * (one document, so an update is one atomic write); defaults for fields never set. Read once at start and again
 * whenever the collection changes (an admin here, or later another till through sync), so every sale uses the
 * current rules without a query.
 */
import { z } from 'zod';
import { sellingCommands, type StoreSettingsView } from '../../../shared/api/commands/selling-commands';
import { TillError } from '../../../shared/api/errors';
import type { SettingDoc } from '../../../shared/model';
import { isIsoCurrency } from '../../../shared/money';
import { assertSaleSettings, type SaleSettings } from '../../../shared/sale';
import { assertScanSettings, type ScanSettings } from '../../../shared/scan';
import type { Session } from '../auth/session-registry';
import { isoNow, type CoreContext } from '../services/core-context';

export const DEFAULT_SETTINGS: Readonly<StoreSettingsView> = {
  storeName: 'Kassa',
  storeAddress: '',
  storeTaxId: '',
  receiptHeader: '',
  receiptFooter: 'Thank you for shopping with us.',
  currency: 'EUR',
  pricesIncludeTax: true,
  taxRates: { standard: 1900, reduced: 700, zero: 0 },
  taxRounding: 'per-line',
  cashRoundingIncrement: 5,
  clerkDiscountLimitBp: 1000,
  warnOnNegativeStock: true,
  requireOpenShift: false,
  cashVarianceLimit: 500,
  embeddedBarcodes: [
    { prefixes: ['21', '22'], kind: 'price', itemDigits: 5, valueDigits: 5 },
    { prefixes: ['23', '24'], kind: 'weight', itemDigits: 5, valueDigits: 5 },
  ],
  // Off until a manager turns it on: a card taken offline and declined later is the store's loss.
  offlineCards: { enabled: false, perPaymentCap: 10_000, terminalCap: 100_000 },
};

export const STORE_SETTINGS_ID = 'store';
type SettingKey = keyof StoreSettingsView;
const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
/** The contract's own check of one setting's shape, used for what is read back from the store too. */
const settingShape = sellingCommands['settings.update'].input as z.ZodType<Partial<StoreSettingsView>>;

export function toSaleSettings(view: StoreSettingsView): SaleSettings {
  const { currency, pricesIncludeTax, taxRates, taxRounding, cashRoundingIncrement, clerkDiscountLimitBp } = view;
  return { currency, pricesIncludeTax, taxRates, taxRounding, cashRoundingIncrement, clerkDiscountLimitBp };
}

export function toScanSettings(view: StoreSettingsView): ScanSettings {
  return { embeddedFormats: view.embeddedBarcodes };
}

/** Throws BAD_INPUT with the rule that is broken, e.g. two label layouts sharing a prefix. */
export function assertStoreSettings(view: StoreSettingsView): void {
  if (!isIsoCurrency(view.currency)) throw new TillError('BAD_INPUT', `"${view.currency}" is not an ISO 4217 currency code (e.g. EUR, CHF, USD).`);
  assertSaleSettings(toSaleSettings(view));
  try {
    assertScanSettings(toScanSettings(view));
  } catch (error) {
    throw new TillError('BAD_INPUT', `Barcode label layouts: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

export interface SettingsFeed {
  current(): StoreSettingsView;
  /** Reads the stored settings now (after a local update), instead of when the change stream says so. */
  reload(): Promise<void>;
  stop(): void;
}

export async function startSettingsFeed(ctx: CoreContext, onChange: () => void): Promise<SettingsFeed> {
  let current = await readSettings(ctx);
  const reload = async () => {
    current = await readSettings(ctx);
  };
  const subscription = ctx.db.settings.eventBulks$.subscribe(() => {
    reload().then(onChange, (error: unknown) => ctx.log.error('Could not read the store settings', { error }));
  });
  return {
    current: () => current,
    reload,
    stop: () => subscription.unsubscribe(),
  };
}

/** Stored values over the defaults, field by field; a stored value that breaks the rules is logged and skipped. */
export async function readSettings(ctx: CoreContext): Promise<StoreSettingsView> {
  const doc = await ctx.db.settings.findOne(STORE_SETTINGS_ID).exec();
  let view = structuredClone(DEFAULT_SETTINGS) as StoreSettingsView;
  if (!doc) return view;
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(doc.value) as Record<string, unknown>;
  } catch (error) {
    ctx.log.error('The stored settings are not JSON; using the defaults', { error });
    return view;
  }
  for (const key of KEYS) {
    if (stored[key] === undefined) continue;
    try {
      const candidate = { ...view, ...settingShape.parse({ [key]: stored[key] }) };
      assertStoreSettings(candidate);
      view = candidate;
    } catch (error) {
      ctx.log.error('A stored setting is not valid; using the default', { key, error });
    }
  }
  return view;
}

/** What an audit event keeps of a setting's value: its JSON, cut short so one event stays small. */
const AUDIT_VALUE_CHARS = 200;
const auditValue = (value: unknown) => {
  const json = JSON.stringify(value);
  return json.length > AUDIT_VALUE_CHARS ? `${json.slice(0, AUDIT_VALUE_CHARS - 1)}…` : json;
};

/** `keys`: the changed fields; then each changed field as `old → new` (JSON), so the log shows what changed. */
export function settingsChangeDetails(current: StoreSettingsView, next: StoreSettingsView, changed: readonly SettingKey[]): Record<string, string> {
  const details: Record<string, string> = { keys: changed.join(',') };
  for (const key of changed) details[key] = `${auditValue(current[key])} → ${auditValue(next[key])}`;
  return details;
}

/** Applies an admin's changes: checked together, written as one document, audited with each field's old and new value. */
export async function updateSettings(
  ctx: CoreContext,
  current: StoreSettingsView,
  changes: Partial<StoreSettingsView>,
  session: Session,
): Promise<StoreSettingsView> {
  const changed = KEYS.filter((key) => changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(current[key]));
  const next = { ...current, ...Object.fromEntries(changed.map((key) => [key, changes[key]])) } as StoreSettingsView;
  assertStoreSettings(next);
  if (changed.length === 0) return current;
  const doc: SettingDoc = { id: STORE_SETTINGS_ID, value: JSON.stringify(next), updatedAt: isoNow(ctx), updatedBy: session.user.id };
  await ctx.db.settings.upsert(doc);
  await ctx.audit.record({ actorId: session.user.id, type: 'settings.updated', subjectId: 'store', details: settingsChangeDetails(current, next, changed) });
  return next;
}
