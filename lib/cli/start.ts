// `npm start`: the whole app (pages and API) — see run-server.ts. `--dev` serves Next in dev mode.
import { reportStartFailure, runServer } from "./run-server";

runServer({ pages: true, dev: process.argv.includes("--dev") }).catch(reportStartFailure);
