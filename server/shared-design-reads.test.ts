/** Reads of the design documents during an upload's validation, shared while one is under way. */
import { describe, expect, it } from 'vitest';
import { shareDesignDocReads } from './shared-design-reads';

const DESIGN_RANGE = { startkey: '_design/', endkey: '_design0', include_docs: true };

/** A database whose reads stay under way until the test answers them, as a busy database's would. */
function countingDb() {
  const calls: unknown[] = [];
  const underWay: (() => void)[] = [];
  const db = {
    allDocs(...args: unknown[]): unknown {
      calls.push(args[0]);
      const read = calls.length;
      return new Promise((resolve) => underWay.push(() => resolve({ rows: [{ id: '_design/kassa', read }] })));
    },
  };
  shareDesignDocReads(db);
  const answerReads = () => underWay.splice(0).forEach((answer) => answer());
  return { db, calls, answerReads };
}

describe('design document reads', () => {
  it('are shared by the documents of one upload, and made afresh for the next', async () => {
    const { db, calls, answerReads } = countingDb();
    const upload = Promise.all(Array.from({ length: 100 }, () => db.allDocs({ ...DESIGN_RANGE })));
    expect(calls).toHaveLength(1);
    answerReads();
    const first = await upload;
    expect(new Set(first).size).toBe(1);
    const next = db.allDocs({ ...DESIGN_RANGE });
    expect(calls).toHaveLength(2);
    answerReads();
    expect(await next).toEqual({ rows: [{ id: '_design/kassa', read: 2 }] });
  });

  it('leave every other query alone', async () => {
    const { db, calls, answerReads } = countingDb();
    const reads = Promise.all([db.allDocs({ keys: ['a'] }), db.allDocs({ keys: ['a'] }), db.allDocs({ ...DESIGN_RANGE, limit: 1 })]);
    expect(calls).toHaveLength(3);
    answerReads();
    await reads;
  });
});
