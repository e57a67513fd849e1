/** What the screens say about card payments: the queue line, the card outlook at checkout, a tender's state. */
import { describe, expect, it } from 'vitest';
import type { ReceiptPaymentView } from '../../../shared/api/commands/selling-commands';
import { paymentsStatus } from '../../test-support/till-fixtures';
import { cardOutlook, methodLabel, paymentNote, queueSummary, settlementText } from './payments-format';

const OFFLINE_ON = { enabled: true, perPaymentCap: 5_000, terminalCap: 20_000 };

describe('the status bar queue line', () => {
  it('says nothing while nothing waits and the processor answers (or was not asked yet)', () => {
    expect(queueSummary(paymentsStatus())).toBeNull();
    expect(queueSummary(paymentsStatus({ processor: 'unknown' }))).toBeNull();
    // An idle pass of the forwarder with nothing to send is not news.
    expect(queueSummary(paymentsStatus({ forwarding: true }))).toBeNull();
  });

  it('counts the cards waiting and their amount, and says when the processor is offline or they are being sent', () => {
    const waiting = { count: 2, amount: 2_598 };
    expect(queueSummary(paymentsStatus({ waiting }))).toEqual({ tone: 'busy', text: '2 cards waiting · €25.98' });
    expect(queueSummary(paymentsStatus({ waiting, processor: 'unreachable' }))).toEqual({ tone: 'warn', text: 'Card processor offline · 2 cards waiting · €25.98' });
    expect(queueSummary(paymentsStatus({ waiting: { count: 1, amount: 1_299 }, forwarding: true }))).toEqual({ tone: 'busy', text: 'Forwarding 1 card · €12.99…' });
    expect(queueSummary(paymentsStatus({ processor: 'unreachable' }))).toEqual({ tone: 'warn', text: 'Card processor offline' });
  });
});

describe('what checkout says about a card', () => {
  it('says nothing while the processor decides', () => {
    expect(cardOutlook(null, [1_000])).toBeNull();
    expect(cardOutlook(paymentsStatus({ offlineCards: OFFLINE_ON }), [1_000])).toBeNull();
  });

  it('promises "approved offline" within the caps, naming what they leave', () => {
    const status = paymentsStatus({ processor: 'unreachable', offlineCards: OFFLINE_ON, offlineRoom: 15_000 });
    expect(cardOutlook(status, [1_299])).toEqual({
      kind: 'offline',
      text: 'The card processor cannot be reached: the card will be approved offline and charged when it is back. Offline limits: €50.00 per card, €150.00 left on this till.',
    });
  });

  it('says the card cannot be taken when offline cards are off, over the cap per card, or over what the till may hold', () => {
    const off = paymentsStatus({ processor: 'unreachable' });
    expect(cardOutlook(off, [100])).toMatchObject({ kind: 'refused', text: expect.stringContaining('does not take cards offline') });
    const on = paymentsStatus({ processor: 'unreachable', offlineCards: OFFLINE_ON, offlineRoom: 6_000 });
    expect(cardOutlook(on, [5_001])).toMatchObject({ kind: 'refused', text: expect.stringContaining('€50.01 is over the offline limit of €50.00 per card') });
    // Two cards of a split, each within the cap, together over what the till may still hold.
    expect(cardOutlook(on, [4_000, 3_000])).toMatchObject({ kind: 'refused', text: expect.stringContaining('may take only €60.00 more') });
    expect(cardOutlook(paymentsStatus({ processor: 'not_configured' }), [100])).toMatchObject({ kind: 'refused', text: expect.stringContaining('No card processor') });
  });
});

describe('a tender on a receipt', () => {
  const card = (more: Partial<ReceiptPaymentView>): ReceiptPaymentView => ({ method: 'card', amount: 1_299, status: 'captured', card: 'Visa \u2022\u2022\u2022\u2022 4242', offline: false, ...more });

  it('keeps the method as the line and puts the card and its state under it', () => {
    expect(methodLabel(card({}))).toBe('Card');
    expect(paymentNote(card({}))).toBe('Visa \u2022\u2022\u2022\u2022 4242');
    expect(paymentNote(card({ offline: true, status: 'queued' }))).toBe('Visa \u2022\u2022\u2022\u2022 4242 · Approved offline · Queued for the card processor');
    expect(paymentNote(card({ offline: true }))).toBe('Visa \u2022\u2022\u2022\u2022 4242 · Approved offline · Captured');
    expect(paymentNote(card({ offline: true, status: 'declined' }))).toBe('Visa \u2022\u2022\u2022\u2022 4242 · Approved offline · Declined');
  });

  it('says nothing more for cash, and names a write-off as such', () => {
    expect(paymentNote({ method: 'cash', amount: 500, status: 'captured', card: '', offline: false })).toBeNull();
    const writeOff: ReceiptPaymentView = { method: 'none', amount: 1_299, status: 'written_off', card: '', offline: false };
    expect(methodLabel(writeOff)).toBe('Written off');
    expect(paymentNote(writeOff)).toBeNull();
  });

  it('names a sale\u2019s settlement', () => {
    expect(['settled', 'waiting', 'attention'].map((s) => settlementText(s as 'settled'))).toEqual(['Settled', 'Awaiting card', 'Needs attention']);
  });
});
