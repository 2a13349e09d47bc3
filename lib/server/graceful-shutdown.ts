// SIGTERM / SIGINT: stop accepting, end open streams (their calls save what arrived as
// "stopped"), wait for every ledger row to be written, then exit.
export function exitGracefullyOnSignals(close: () => Promise<void>, log: (message: string) => void = console.log): void {
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      log(`[switchyard] ${signal}: finishing open calls and ledger writes…`);
      close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
