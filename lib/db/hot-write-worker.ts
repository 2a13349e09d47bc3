// The thread that commits the hot writes on SQLite (hot-writes.ts; hot-write-worker-postgres.ts
// is its Postgres twin). A commit costs the thread that
// makes it a few hundred microseconds, and every thousand pages of log it also copies the
// log back into the database file (a checkpoint, fsync included: milliseconds). Here both
// happen off the event loop that relays tokens. Plain JavaScript run with `eval`, so it
// needs no build step and works the same under Next, tsx and Vitest.
export const HOT_WRITE_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
// This thread may wait for a lock (a Prisma transaction on the main thread): nothing else waits on it.
db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
db.defaultSafeIntegers(true);
const prepared = new Map();
function statement(name) {
  let found = prepared.get(name);
  if (!found) prepared.set(name, (found = db.prepare(workerData.sql[name])));
  return found;
}
// Each write comes as [name, values], the values in the order of workerData.params[name]
// (arrays clone cheaper than row objects on the event loop); better-sqlite3 binds @names from an object.
const runJob = (writes) => {
  for (const [name, values] of writes) {
    const params = workerData.params[name];
    const row = {};
    for (let i = 0; i < params.length; i++) if (values[i] !== undefined) row[params[i]] = values[i];
    statement(name).run(row);
  }
};
const runAll = db.transaction((jobs) => jobs.forEach(runJob));
const runOne = db.transaction(runJob);
// The database could not be written at all (locked past the timeout, disk full or failing,
// unopenable): the ledger's writes then go to the outbox instead of being lost.
const unavailable = (code) => /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOTADB|CORRUPT)/.test(code || "");
const failure = (error) => {
  const code = (error && error.code) || null;
  return { message: String((error && error.message) || error), code, unavailable: unavailable(code) };
};
parentPort.on("message", ({ id, jobs }) => {
  let errors = null;
  try {
    runAll.immediate(jobs);
  } catch {
    // One bad job must not sink the others: commit them one by one.
    errors = jobs.map((writes) => {
      try {
        runOne.immediate(writes);
        return null;
      } catch (error) {
        return failure(error);
      }
    });
  }
  parentPort.postMessage({ id, errors });
});
`;
