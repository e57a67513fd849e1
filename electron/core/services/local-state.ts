/** Small JSON values that belong to this terminal only (lockouts, counters). Never replicated. */
import { isoNow, type CoreContext } from './core-context';

export async function readLocal<T>(ctx: CoreContext, key: string, fallback: T): Promise<T> {
  const doc = await ctx.db.local_state.findOne(key).exec();
  if (!doc) return fallback;
  try {
    return JSON.parse(doc.value) as T;
  } catch (error) {
    ctx.log.error('Unreadable local state; using the default', { key, error });
    return fallback;
  }
}

export async function writeLocal<T>(ctx: CoreContext, key: string, value: T): Promise<void> {
  await ctx.db.local_state.upsert({ id: key, value: JSON.stringify(value), updatedAt: isoNow(ctx) });
}
