// Merges several async event sources into one, in arrival order. A source that throws
// never breaks the others: its error is turned into an event by `onError`. Every layer of
// async iteration costs each event a few promises, so the merge also takes what goes before
// and after the sources (`head`, `tail`) and who to tell when a source ends, instead of
// being wrapped in more generators.

export interface MultiplexOptions<T> {
  /** Items yielded before any source's. */
  head?: T[];
  /** Items yielded after every source has ended. */
  tail?: T[];
  /** Called once a source has ended, however it ended. */
  onSourceEnd?: (index: number) => void;
}

export async function* multiplex<T>(sources: AsyncIterable<T>[], onError: (index: number, error: unknown) => T, options: MultiplexOptions<T> = {}): AsyncGenerator<T> {
  const queue: T[] = [...(options.head ?? [])];
  let wake: (() => void) | null = null;
  let running = sources.length;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const pumps = sources.map(async (source, index) => {
    try {
      for await (const item of source) {
        queue.push(item);
        notify();
      }
    } catch (error) {
      queue.push(onError(index, error));
    } finally {
      running -= 1;
      options.onSourceEnd?.(index);
      notify();
    }
  });

  try {
    while (running > 0 || queue.length > 0) {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          // A pump may have finished between the checks above and here.
          if (queue.length > 0 || running === 0) notify();
        });
        continue;
      }
      // Yield everything queued so far in one go: fewer wake-ups under load.
      const batch = queue.splice(0, queue.length);
      for (const item of batch) yield item;
    }
    for (const item of options.tail ?? []) yield item;
  } finally {
    await Promise.allSettled(pumps);
  }
}
