/**
 * A till that component tests script: the `KassaBridge` the screens talk to (as Electron's preload exposes it on
 * `window.kassa`), answering each command from the test's table and pushing the events the test sends. The real
 * till core cannot run in a DOM test; everything above the bridge (client, stores, screens) is the real code.
 */
import { act } from '@testing-library/react';
import type { CommandInput, CommandName, CommandResult } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import type { PushEventName, PushEvents } from '../../shared/api/events';
import type { KassaBridge } from '../../shared/api/transport';

export type Answer<K extends CommandName> = (input: CommandInput<K>) => ApiResult<CommandResult<K>> | Promise<ApiResult<CommandResult<K>>>;

export interface Call {
  name: CommandName;
  input: unknown;
}

export interface FakeBridge extends KassaBridge {
  /** Every call the screens made, in order. */
  readonly calls: Call[];
  answer<K extends CommandName>(name: K, reply: Answer<K>): void;
  /** What the screens sent with `name`, in order. */
  inputsOf<K extends CommandName>(name: K): CommandInput<K>[];
  /** Pushes an event to the screens' listeners, as the host does, and lets React render what follows. */
  push<E extends PushEventName>(event: E, payload: PushEvents[E]): Promise<void>;
  /** Forgets answers, calls and listeners: a fresh till for the next test. */
  reset(): void;
}

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const refused = (code: ApiError['code'], message: string): ApiResult<never> => ({ ok: false, error: { code, message } });

type AnyAnswer = (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>;
type Listener = (payload: unknown) => void;

function createFakeBridge(): FakeBridge {
  const answers = new Map<CommandName, AnyAnswer>();
  const listeners = new Map<PushEventName, Set<Listener>>();
  const calls: Call[] = [];

  return {
    calls,
    async call(name, input) {
      calls.push({ name, input });
      const reply = answers.get(name);
      // A screen asking for something the test did not expect is a finding, not a detail to paper over.
      if (!reply) return refused('INTERNAL', `The fake till has no answer for ${name}`) as never;
      return (await reply(input)) as never;
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
    answer(name, reply) {
      answers.set(name, reply as AnyAnswer);
    },
    inputsOf<K extends CommandName>(name: K) {
      return calls.filter((c) => c.name === name).map((c) => c.input as CommandInput<K>);
    },
    async push(event, payload) {
      await act(async () => {
        for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
      });
    },
    reset() {
      answers.clear();
      listeners.clear();
      calls.length = 0;
    },
  };
}

/**
 * Puts the fake till where Electron's preload puts the real one. The client keeps the first bridge it finds, so a
 * test file installs one fake before anything renders and resets it between tests.
 */
export function installFakeBridge(): FakeBridge {
  const bridge = createFakeBridge();
  (window as unknown as { kassa: KassaBridge }).kassa = bridge;
  return bridge;
}
