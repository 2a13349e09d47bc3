// Process-wide state in one place. Next bundles every route handler separately (and dev mode
// reloads modules), so a module-level `let` would exist once per bundle; state that must be
// shared by the whole process lives on globalThis, under one registry, named.
const registry = ((globalThis as unknown as { __switchyard?: Map<string, unknown> }).__switchyard ??= new Map<string, unknown>());

/** The process's one instance of `name`, made by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}

/** Replaces the instance (a shared store for several instances, a fresh one in tests). */
export function setProcessSingleton<T>(name: string, value: T): void {
  registry.set(name, value);
}

/** Tests start from fresh state: the named instances (or all) are made again on next use. */
export function resetProcessSingletons(...names: string[]): void {
  if (names.length === 0) registry.clear();
  for (const name of names) registry.delete(name);
}

/** The instance if one was made, without making it (closing a connection that may never have opened). */
export function peekProcessSingleton<T>(name: string): T | undefined {
  return registry.get(name) as T | undefined;
}
