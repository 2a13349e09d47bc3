// The thread that commits the hot writes on Postgres (hot-writes.ts): the twin of the
// SQLite worker. Encoding the statements, the round trips and the commit's wait happen here,
// not on the event loop that relays tokens. One connection, one batch at a time: every job of
// a batch commits in one transaction (group commit); a job that fails is retried alone so it
// fails alone. A lost connection marks the batch's jobs `unavailable`, so the ledger's are kept
// in the outbox, and the next batch reconnects. Plain JavaScript run with `eval`, like the SQLite one.
export const POSTGRES_HOT_WRITE_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { Client } = require("pg");
const statements = workerData.statements;
let client = null;

async function connect() {
  if (client) return client;
  const next = new Client(workerData.config);
  next.on("error", () => { if (client === next) client = null; });
  await next.connect();
  return (client = next);
}

function drop(failed) {
  if (client === failed) client = null;
  failed.end().catch(() => {});
}

// SQLSTATE classes of a connection gone or a server going away; no code at all means the
// driver itself failed (refused, reset, timed out).
function unavailable(error) {
  // A statement this build got wrong (a missing parameter) fails the same way every time.
  if (error && error.statementError) return false;
  const code = error && error.code;
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith("08") || code.startsWith("57P") || code === "53300";
}
// Two writers crossing on the same rollup rows: run the batch again.
const retryable = (error) => error && (error.code === "40P01" || error.code === "40001");

const failure = (error) => ({ message: String((error && error.message) || error), code: (error && error.code) || null, unavailable: unavailable(error) });

// Each write comes as [name, values]: the values in the order of the statement's parameters
// (hot-writes.ts sends arrays, not row objects, so cloning them costs the event loop less).
async function runJob(db, writes) {
  for (const [name, values] of writes) {
    const statement = statements[name];
    if (!statement) throw Object.assign(new Error("Unknown hot statement " + name), { statementError: true });
    const missing = values.indexOf(undefined);
    if (missing >= 0) throw Object.assign(new Error("Missing named parameter \\"" + statement.params[missing] + "\\""), { statementError: true });
    await db.query({ name, text: statement.text, values });
  }
}

async function inTransaction(db, work) {
  await db.query("BEGIN");
  try {
    await work();
    await db.query("COMMIT");
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function runBatch(jobs) {
  let db;
  try {
    db = await connect();
  } catch (error) {
    return jobs.map(() => failure(error));
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await inTransaction(db, async () => { for (const writes of jobs) await runJob(db, writes); });
      return null;
    } catch (error) {
      if (unavailable(error)) {
        drop(db);
        return jobs.map(() => failure(error));
      }
      if (retryable(error) && attempt < 3) continue;
      break;
    }
  }
  // One bad job must not sink the others: commit them one by one.
  const errors = [];
  for (const writes of jobs) {
    try {
      await inTransaction(db, () => runJob(db, writes));
      errors.push(null);
    } catch (error) {
      errors.push(failure(error));
      if (unavailable(error)) drop(db);
    }
  }
  return errors;
}

let chain = Promise.resolve();
parentPort.on("message", ({ id, jobs }) => {
  chain = chain.then(async () => parentPort.postMessage({ id, errors: await runBatch(jobs) }));
});
`;
