// A value that is ready now or later. Hot paths return the value itself when it is already
// known (a cache hit, the in-memory store), so callers skip an await and its microtask.
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise;
}
