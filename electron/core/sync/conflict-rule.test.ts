import { describe, expect, it } from 'vitest';
import { canonicalJson, decideConflict } from './conflict-rule';
import { SYNC_POLICIES } from '../../../shared/sync/sync-policy';

const product = (fields: Record<string, unknown>) => ({ id: 'P1', name: 'Milk', price: 100, updatedAt: '2026-11-28T10:00:00.000Z', _deleted: false, ...fields });

describe('the conflict rule', () => {
  it('writes canonical JSON: sorted keys at every level, without RxDB bookkeeping', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null }, _meta: { lwt: 5 }, _rev: '1-x' })).toBe('{"a":{"c":null,"d":[2,{"y":0,"z":1}]},"b":1}');
  });

  it('keeps the shared version with more edits, whatever its clock says', () => {
    const local = product({ edits: 3, price: 120, updatedAt: '2026-11-28T09:00:00.000Z' });
    const server = product({ edits: 2, price: 999, updatedAt: '2026-11-28T23:59:00.000Z' });
    expect(decideConflict(SYNC_POLICIES.products, local, server)).toEqual({ winner: 'local', reason: 'more_edits' });
    expect(decideConflict(SYNC_POLICIES.products, server, local)).toEqual({ winner: 'server', reason: 'more_edits' });
  });

  it('breaks a tie the same way on every terminal', () => {
    const a = product({ edits: 2, price: 300 });
    const b = product({ edits: 2, price: 400 });
    const onT1 = decideConflict(SYNC_POLICIES.products, a, b);
    const onT2 = decideConflict(SYNC_POLICIES.products, b, a);
    expect(onT1.reason).toBe('tiebreak');
    // Both pick the same version: T1 (holding a) lets the server's b win, T2 (holding b) keeps its own.
    expect([onT1.winner, onT2.winner]).toEqual(['server', 'local']);
  });

  it('counts a missing counter as 0 and treats equal content as no conflict', () => {
    expect(decideConflict(SYNC_POLICIES.settings, { id: 's', value: '1' }, { id: 's', value: '2', edits: 1 })).toEqual({ winner: 'server', reason: 'more_edits' });
    expect(decideConflict(SYNC_POLICIES.products, product({ edits: 2 }), product({ edits: 2 }))).toEqual({ winner: 'server', reason: 'equal' });
  });

  it('keeps the first upload of an immutable document and the uploading terminal version of an owned one', () => {
    expect(decideConflict(SYNC_POLICIES.sales, { id: 'S', total: 1 }, { id: 'S', total: 2 })).toEqual({ winner: 'server', reason: 'first_written' });
    expect(decideConflict(SYNC_POLICIES.payments, { id: 'P', status: 'captured' }, { id: 'P', status: 'queued' })).toEqual({ winner: 'local', reason: 'owner' });
    // An upload carrying an older version of the till's own payment than the server holds never takes it back.
    expect(decideConflict(SYNC_POLICIES.payments, { id: 'P', status: 'queued' }, { id: 'P', status: 'submitting' })).toEqual({ winner: 'server', reason: 'further_along' });
    expect(decideConflict(SYNC_POLICIES.payments, { id: 'P', status: 'unknown' }, { id: 'P', status: 'declined' })).toEqual({ winner: 'server', reason: 'further_along' });
    expect(decideConflict(SYNC_POLICIES.payments, { id: 'P', status: 'declined' }, { id: 'P', status: 'unknown' })).toEqual({ winner: 'local', reason: 'owner' });
  });
});
