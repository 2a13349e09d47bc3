// Browser: 8 columns each streaming ~100 tokens/s for ~20 s in the real chatroom UI.
// Reports the longest main-thread task (Long Tasks API) and dropped frames (rAF gaps).
// Run: npx tsx bench/chat-browser.ts
import { chromium } from "@playwright/test";
import { benchSession, startAppProcess } from "./lib/processes";

const MODEL_NAME = "Nimbus Tools";
const TOKENS = 2000; // 20 s at 100 tokens/s
const COLUMNS = 8;

async function main() {
  // nimbus-tools streams 110 tokens/s at speed 1; 100/110 makes it 100 tokens/s.
  const app = await startAppProcess(3320, { SANDBOX_ENABLED: "true", SANDBOX_SPEED: String(100 / 110) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addCookies((await benchSession(app.url)).cookies.map((c) => ({ ...c, url: app.url })));
    const page = await context.newPage();
    const models = Array.from({ length: COLUMNS }, () => "sandbox/nimbus-tools").join(",");
    await page.goto(`${app.url}/?models=${encodeURIComponent(models)}`);
    await page.getByLabel("Prompt").fill(`Explain how CPUs pipeline instructions, in detail [[sandbox:tokens=${TOKENS}]]`);
    // Scripts go in as text: tsx would otherwise wrap these functions in helpers the page lacks.
    await page.evaluate(`
      window.__longest = 0; window.__longTasks = 0; window.__frames = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) { window.__longest = Math.max(window.__longest, entry.duration); window.__longTasks += 1; (window.__taskLog ||= []).push(Math.round(entry.startTime) + ':' + Math.round(entry.duration)); }
      }).observe({ type: "longtask", buffered: false });
      const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    `);
    const started = Date.now();
    await page.getByRole("button", { name: "Send" }).click();
    await page.waitForFunction(`document.querySelectorAll('[role="region"][aria-busy="true"]').length === ${COLUMNS}`, null, { timeout: 30_000, polling: 50 });
    await page.waitForFunction(`document.querySelectorAll('[role="region"][aria-busy="true"]').length === 0`, null, { timeout: 120_000, polling: 500 });
    const seconds = (Date.now() - started) / 1000;
    const result = (await page.evaluate(`(() => {
      const gaps = window.__frames.slice(1).map((t, i) => t - window.__frames[i]);
      // A frame is dropped for every 16.7 ms interval a gap skipped.
      const dropped = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / (1000 / 60)) - 1), 0);
      return { log: (window.__taskLog || []).join(' '), start: window.__frames[0], longest: window.__longest, longTasks: window.__longTasks, frames: window.__frames.length, dropped, worstGap: Math.max(...gaps) };
    })()`)) as { log: string; start: number; longest: number; longTasks: number; frames: number; dropped: number; worstGap: number };
    const columns = await page.locator('[role="region"]').count();
    console.log(`columns: ${columns} streaming for ${seconds.toFixed(1)} s`);
    // The Long Tasks API reports only tasks of 50 ms or more; the worst frame gap bounds the rest.
    console.log(result.longTasks === 0 ? "longest main-thread task: under 50 ms (no long task reported)" : `longest main-thread task: ${result.longest.toFixed(0)} ms (${result.longTasks} tasks of 50 ms or more)`);
    if (process.env.BENCH_VERBOSE) console.log(`long tasks (start:duration ms, frames began at ${result.start.toFixed(0)}): ${result.log}`);
    console.log(`frames: ${result.frames}, dropped: ${result.dropped} (${((100 * result.dropped) / (result.frames + result.dropped)).toFixed(1)}%), worst gap ${result.worstGap.toFixed(0)} ms`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
