// Browser: 8 columns each streaming ~100 tokens/s for ~20 s in the real chatroom UI.
// Reports the longest main-thread task (Long Tasks API) and dropped frames (rAF gaps).
// Run: npx tsx bench/chat-browser.ts
import { chromium } from "@playwright/test";
import { startAppProcess } from "./lib/processes";

const MODEL_NAME = "Nimbus Tools (simulated)";
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
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const models = Array.from({ length: COLUMNS }, () => "sandbox/nimbus-tools").join(",");
    await page.goto(`${app.url}/?models=${encodeURIComponent(models)}`);
    await page.getByLabel("Prompt").fill(`Explain how CPUs pipeline instructions, in detail [[sandbox:tokens=${TOKENS}]]`);
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __longTasks: number; __frames: number[] };
      w.__longest = 0;
      w.__longTasks = 0;
      w.__frames = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__longest = Math.max(w.__longest, entry.duration);
          w.__longTasks += 1;
        }
      }).observe({ type: "longtask", buffered: false });
      const tick = (t: number) => {
        w.__frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    await page.getByRole("button", { name: "Send" }).click();
    await page.waitForFunction(() => document.querySelectorAll('[role="region"][aria-busy="true"]').length === 0 && document.querySelectorAll('[role="region"]').length > 0, null, { timeout: 120_000, polling: 500 });
    const seconds = (Date.now() - started) / 1000;
    const result = await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __longTasks: number; __frames: number[] };
      const gaps = w.__frames.slice(1).map((t, i) => t - w.__frames[i]);
      // A frame is dropped for every 16.7 ms interval a gap skipped.
      const dropped = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / (1000 / 60)) - 1), 0);
      return { longest: w.__longest, longTasks: w.__longTasks, frames: w.__frames.length, dropped, worstGap: Math.max(...gaps) };
    });
    const tokens = await page.getByRole("region", { name: `${MODEL_NAME} answers` }).count();
    console.log(`columns: ${tokens} streaming for ${seconds.toFixed(1)} s`);
    console.log(`longest main-thread task: ${result.longest.toFixed(0)} ms (${result.longTasks} tasks over 50 ms)`);
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
