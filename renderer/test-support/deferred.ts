/** A promise the test settles itself: "answer now" instead of "wait some milliseconds and hope". */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

// Node 20 has no Promise.withResolvers.
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
