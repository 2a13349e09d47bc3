// Merges several async event sources into one, in arrival order. A source that throws
// never breaks the others: its error is turned into an event by `onError`.

export async function* multiplex<T>(sources: AsyncIterable<T>[], onError: (index: number, error: unknown) => T): AsyncGenerator<T> {
  const queue: T[] = [];
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
  } finally {
    await Promise.allSettled(pumps);
  }
}
