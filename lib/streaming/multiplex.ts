// Runs several event sources at once and merges their events into one sink, in arrival
// order. Sources push (`emit`) rather than being iterated: at thousands of tokens a second,
// each layer of async iteration would cost every event several promises. A source that
// throws never breaks the others: its error becomes one event from `onError`.

export type EventSource<T> = (emit: (item: T) => void) => Promise<void>;

export interface MultiplexOptions<T> {
  onError: (index: number, error: unknown) => T;
  /** Called once a source has ended, however it ended. */
  onSourceEnd?: (index: number) => void;
}

/** Resolves once every source has ended. */
export async function multiplex<T>(sources: EventSource<T>[], emit: (item: T) => void, options: MultiplexOptions<T>): Promise<void> {
  await Promise.all(
    sources.map(async (source, index) => {
      try {
        await source(emit);
      } catch (error) {
        emit(options.onError(index, error));
      } finally {
        options.onSourceEnd?.(index);
      }
    }),
  );
}
