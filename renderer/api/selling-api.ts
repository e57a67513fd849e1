/**
 * The selling screens' way to the till: commands and events of shared/api/commands/selling-commands.ts, typed
 * from that file. Screens and stores take a `SellingApi`, so tests hand in a fake.
 */
import type { z } from 'zod';
import type { CommandSpec } from '../../shared/api/command-spec';
import type { sellingCommands, SellingEvents } from '../../shared/api/commands/selling-commands';
import type { ApiError, ApiResult, ErrorCode } from '../../shared/api/errors';
import { api } from './client';

type SellingCommands = typeof sellingCommands;
export type SellingCommandName = keyof SellingCommands;
export type SellingInput<K extends SellingCommandName> = z.input<SellingCommands[K]['input']>;
export type SellingResult<K extends SellingCommandName> = SellingCommands[K] extends CommandSpec<z.ZodType, infer R> ? R : never;
export type SellingEventName = keyof SellingEvents;

export interface SellingApi {
  call<K extends SellingCommandName>(name: K, input: SellingInput<K>): Promise<ApiResult<SellingResult<K>>>;
  subscribe<E extends SellingEventName>(event: E, listener: (payload: SellingEvents[E]) => void): () => void;
}

/** A tender as checkout.pay takes it: how, how much, and for a card the test card presented and a customer contact. */
export type CheckoutTender = SellingInput<'checkout.pay'>['tenders'][number];

/** A manager's name and PIN or password, typed at the till to approve what a clerk may not do alone. */
export interface Approval {
  username: string;
  secret: string;
}

/** Error codes the selling screens act on. */
export const SELLING_ERRORS = {
  approvalRequired: 'APPROVAL_REQUIRED',
  paymentDeclined: 'PAYMENT_DECLINED',
  /** No card now: the processor cannot be reached and the card cannot be taken offline (rule off, over a cap). */
  cardUnavailable: 'CARD_UNAVAILABLE',
  /** The core died while doing it: it may or may not have happened. */
  interrupted: 'INTERRUPTED',
} as const satisfies Record<string, ErrorCode>;

export function isErrorCode(error: ApiError | null | undefined, code: ErrorCode): boolean {
  return error?.code === code;
}

export const sellingApi: SellingApi = {
  call: (name, input) => api.call(name, input),
  subscribe: (event, listener) => api.subscribe(event, listener),
};
