/**
 * Runs async tasks one after another. Used where a check-then-write must not interleave with another one
 * (e.g. "is this username free?" then "insert the user").
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
export type SerialQueue = ReturnType<typeof createSerialQueue>;
