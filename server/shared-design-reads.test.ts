/** Reads of the design documents during an upload's validation, shared while one is under way. */
import { describe, expect, it } from 'vitest';
import { shareDesignDocReads } from './shared-design-reads';

const DESIGN_RANGE = { startkey: '_design/', endkey: '_design0', include_docs: true };

function countingDb() {
  const calls: unknown[] = [];
  const db = {
    allDocs(...args: unknown[]): unknown {
      calls.push(args[0]);
      return new Promise((resolve) => setTimeout(() => resolve({ rows: [{ id: '_design/kassa', read: calls.length }] }), 5));
    },
  };
  shareDesignDocReads(db);
  return { db, calls };
}

describe('design document reads', () => {
  it('are shared by the documents of one upload, and made afresh for the next', async () => {
    const { db, calls } = countingDb();
    const first = await Promise.all(Array.from({ length: 100 }, () => db.allDocs({ ...DESIGN_RANGE })));
    expect(calls).toHaveLength(1);
    expect(new Set(first).size).toBe(1);
    await db.allDocs({ ...DESIGN_RANGE });
    expect(calls).toHaveLength(2);
  });

  it('leave every other query alone', async () => {
    const { db, calls } = countingDb();
    await Promise.all([db.allDocs({ keys: ['a'] }), db.allDocs({ keys: ['a'] }), db.allDocs({ ...DESIGN_RANGE, limit: 1 })]);
    expect(calls).toHaveLength(3);
  });
});
