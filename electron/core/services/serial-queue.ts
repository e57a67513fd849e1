/**
 * Runs async tasks one after another. Used where a check-then-write must not interleave with another one
 * (e.g. "is this username free?" then "insert the user").
 */
export interface SerialQueue {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far, and every task those queued in turn, has finished. */
  idle(): Promise<void>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    pending += 1;
    const result = tail.then(task, task).finally(() => {
      pending -= 1;
    });
    tail = result.catch(() => undefined);
    return result;
  };
  return Object.assign(run, {
    async idle(): Promise<void> {
      while (pending > 0) await tail;
    },
  });
}
