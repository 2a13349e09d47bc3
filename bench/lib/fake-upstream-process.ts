// The fake OpenAI-compatible upstream as its own process for the router benchmarks:
// 64 deltas paced 20 ms apart, fixed usage. Prints its URL.
import { startFakeUpstream } from "../../tests/helpers/fake-upstream";

const deltas = Number(process.argv[2] ?? 64);
const gapMs = Number(process.argv[3] ?? 20);
const upstream = await startFakeUpstream({ deltas, gapMs, text: "tok" });
console.log(`fake upstream at ${upstream.url}`);
process.on("SIGTERM", () => void upstream.close().then(() => process.exit(0)));
