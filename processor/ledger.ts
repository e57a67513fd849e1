/**
 * The processor's ledger: one SQLite file in its data directory, append-only. Each row is one idempotency key with
 * the request it came with and the exact answer given; what a payment is worth now (refunded, voided) is read from
 * the rows that name it, never kept as a second copy that could disagree. WAL with synchronous=FULL: a committed
 * row survives kill -9 and power loss, and an answer is only sent after its row is committed.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AnswerKind, CardToken, ProcessorAnswer } from '../shared/payments/processor-api';

export const LEDGER_FILE = 'ledger.sqlite3';

export interface LedgerEntry {
  /** Order of recording, from 1. */
  seq: number;
  idempotencyKey: string;
  kind: AnswerKind;
  terminalId: string;
  /** Payment and refund: the amount asked for. Void: null (the answer says what it released). */
  amount: number | null;
  currency: string | null;
  card: CardToken | null;
  offline: boolean | null;
  takenAt: string | null;
  /** Refund: the processor reference of the payment refunded. */
  paymentReference: string | null;
  /** Void: the idempotency key of the payment cancelled (which may never have arrived). */
  paymentIdempotencyKey: string | null;
  receivedAt: string;
  answer: ProcessorAnswer;
  /** The answer's JSON exactly as it was sent, so a repeat of the key gets the same bytes. */
  answerText: string;
}

export type NewLedgerEntry = Omit<LedgerEntry, 'seq' | 'answer'>;

interface Row {
  seq: number;
  idempotency_key: string;
  kind: AnswerKind;
  terminal_id: string;
  amount: number | null;
  currency: string | null;
  card_token: string | null;
  card_brand: string | null;
  card_last4: string | null;
  offline: number | null;
  taken_at: string | null;
  payment_reference: string | null;
  payment_key: string | null;
  received_at: string;
  status: string;
  reference: string | null;
  answer: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'void')),
  terminal_id TEXT NOT NULL,
  amount INTEGER CHECK (amount IS NULL OR amount > 0),
  currency TEXT,
  card_token TEXT,
  card_brand TEXT,
  card_last4 TEXT,
  offline INTEGER,
  taken_at TEXT,
  payment_reference TEXT,
  payment_key TEXT,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('approved', 'declined')),
  reference TEXT UNIQUE,
  answer TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_payment_reference ON entries (payment_reference) WHERE payment_reference IS NOT NULL;
CREATE INDEX IF NOT EXISTS entries_by_payment_key ON entries (payment_key) WHERE payment_key IS NOT NULL;
`;

export interface Ledger {
  readonly file: string;
  byKey(idempotencyKey: string): LedgerEntry | null;
  approvedPayment(reference: string): LedgerEntry | null;
  /** The first void recorded for a payment key, whether it came before or after the payment. */
  voidOf(paymentIdempotencyKey: string): LedgerEntry | null;
  refundedTotal(paymentReference: string): number;
  record(entry: NewLedgerEntry): LedgerEntry;
  /**
   * Runs `work` in one write transaction taken before its first read (BEGIN IMMEDIATE), so a check and the row it
   * leads to cannot be split by another writer, even a second process on the same file.
   */
  transaction<T>(work: () => T): T;
  entries(): LedgerEntry[];
  /** The connection's journal and sync settings, which decide what survives a crash (checked by the tests). */
  durability(): { journalMode: string; synchronous: number };
  close(): void;
}

function toEntry(row: Row): LedgerEntry {
  return {
    seq: row.seq,
    idempotencyKey: row.idempotency_key,
    kind: row.kind,
    terminalId: row.terminal_id,
    amount: row.amount,
    currency: row.currency,
    card: row.card_token === null ? null : { token: row.card_token, brand: row.card_brand ?? '', last4: row.card_last4 ?? '' },
    offline: row.offline === null ? null : row.offline === 1,
    takenAt: row.taken_at,
    paymentReference: row.payment_reference,
    paymentIdempotencyKey: row.payment_key,
    receivedAt: row.received_at,
    answer: JSON.parse(row.answer) as ProcessorAnswer,
    answerText: row.answer,
  };
}

export function openLedger(dataDir: string): Ledger {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LEDGER_FILE);
  // Card tokens and amounts are for the processor's owner only; SQLite gives its WAL the database file's mode.
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file, { timeout: 5_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    throw new Error(`The processor ledger ${file} could not be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  const byKey = db.prepare<[string], Row>('SELECT * FROM entries WHERE idempotency_key = ?');
  const approvedPayment = db.prepare<[string], Row>("SELECT * FROM entries WHERE reference = ? AND kind = 'payment' AND status = 'approved'");
  const voidOf = db.prepare<[string], Row>("SELECT * FROM entries WHERE payment_key = ? AND kind = 'void' ORDER BY seq LIMIT 1");
  const refunded = db.prepare<[string], { total: number }>("SELECT COALESCE(SUM(amount), 0) AS total FROM entries WHERE payment_reference = ? AND kind = 'refund' AND status = 'approved'");
  const all = db.prepare<[], Row>('SELECT * FROM entries ORDER BY seq');
  const insert = db.prepare(`
    INSERT INTO entries (idempotency_key, kind, terminal_id, amount, currency, card_token, card_brand, card_last4, offline, taken_at,
                         payment_reference, payment_key, received_at, status, reference, answer)
    VALUES (@idempotencyKey, @kind, @terminalId, @amount, @currency, @cardToken, @cardBrand, @cardLast4, @offline, @takenAt,
            @paymentReference, @paymentIdempotencyKey, @receivedAt, @status, @reference, @answerText)`);

  const ledger: Ledger = {
    file,
    byKey: (key) => {
      const row = byKey.get(key);
      return row ? toEntry(row) : null;
    },
    approvedPayment: (reference) => {
      const row = approvedPayment.get(reference);
      return row ? toEntry(row) : null;
    },
    voidOf: (key) => {
      const row = voidOf.get(key);
      return row ? toEntry(row) : null;
    },
    refundedTotal: (reference) => refunded.get(reference)?.total ?? 0,
    record: (entry) => {
      const answer = JSON.parse(entry.answerText) as ProcessorAnswer;
      if (answer.idempotencyKey !== entry.idempotencyKey || answer.kind !== entry.kind) throw new Error(`The answer recorded for ${entry.idempotencyKey} is not about that key`);
      const result = insert.run({
        ...entry,
        cardToken: entry.card?.token ?? null,
        cardBrand: entry.card?.brand ?? null,
        cardLast4: entry.card?.last4 ?? null,
        offline: entry.offline === null ? null : entry.offline ? 1 : 0,
        status: answer.status,
        reference: answer.status === 'approved' ? answer.reference : null,
      });
      return { ...entry, seq: Number(result.lastInsertRowid), answer };
    },
    transaction: (work) => db.transaction(work).immediate(),
    entries: () => all.all().map(toEntry),
    durability: () => ({ journalMode: String(db.pragma('journal_mode', { simple: true })), synchronous: Number(db.pragma('synchronous', { simple: true })) }),
    close: () => db.close(),
  };
  return ledger;
}
