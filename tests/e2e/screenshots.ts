// With SCREENSHOT_DIR set: the viewport at desktop, laptop and phone sizes, scrolled to `target`.
import type { Locator, Page } from "@playwright/test";

const SHOTS = process.env.SCREENSHOT_DIR;

export async function screenshots(page: Page, name: string, target?: Locator) {
  if (!SHOTS) return;
  for (const [width, height] of [
    [1440, 900],
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    // At phone width a part may be laid out elsewhere (or not at all): the viewport is taken anyway.
    await target?.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => {});
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
