// `npm run api`: only the API (/api/v1) and the chatroom's stream routes, without the web UI —
// for headless deployments. The same server, start-up and limits as `npm start` (run-server.ts).
import { reportStartFailure, runServer } from "./run-server";

runServer({ pages: false, migrate: !process.argv.includes("--no-migrate") }).catch(reportStartFailure);
