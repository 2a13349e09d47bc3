// The app shell is exactly the screen on every page (nothing hidden inside it can make the
// page itself scroll away), nothing is wider than a phone's screen, and text meets WCAG AA
// contrast (axe-core's color-contrast rule).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createComparison } from "./comparison";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** Scrolls every inner scroll area to its end, as a reader would, to bring out what could push the page. */
async function scrollEverythingToTheEnd(page: Page) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>("*")) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight;
    }
  });
}

/** Elements reaching past the right edge of the screen, unless inside a box that scrolls sideways. */
async function widerThanTheScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inSideScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    return [...document.body.querySelectorAll("*")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > width + 1 && getComputedStyle(el).visibility !== "hidden" && !inSideScroller(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`);
  });
}

let pages: string[];

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const id = await createComparison(
    page,
    ["sandbox/atlas-large", "sandbox/coder-pro", "sandbox/sage-reasoner", "sandbox/swift-mini"],
    ["Compare PostgreSQL and SQLite with a table and a code example", "Now a retry function in Python"],
  );
  await page.goto(`/c/${id}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this comparison" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const shareUrl = new URL(await dialog.getByRole("textbox", { name: "Share link" }).inputValue()).pathname;
  pages = ["/", `/c/${id}`, "/models", "/usage", "/settings", "/users", "/shared", shareUrl];
  await page.close();
});

for (const size of SIZES) {
  test(`every page is exactly the screen, nothing wider, at ${size.width}×${size.height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await scrollEverythingToTheEnd(page);
      const metrics = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, scrollY: window.scrollY }));
      expect(metrics, path).toEqual({ height: size.height, width: size.width, scrollY: 0 });
      expect(await widerThanTheScreen(page), path).toEqual([]);
    }
  });
}

test("text meets WCAG AA contrast on every page, light and dark", async ({ page }) => {
  test.setTimeout(300_000);
  for (const theme of ["light", "dark"]) {
    await page.addInitScript((t) => localStorage.setItem("switchyard-theme", t), theme);
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      // Code blocks scroll sideways past the page's edge, which axe cannot place ("element
      // midpoint exceeds the grid bounds" aborts the whole rule): their highlight palette is
      // checked on its own (tests/unit/code-palette-contrast.test.ts).
      const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).exclude("pre").analyze();
      const failures = results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`));
      expect(failures, `${theme} ${path}`).toEqual([]);
      expect(results.incomplete.flatMap((i) => (i.error ? [i.error.message] : [])), `${theme} ${path}: the rule ran`).toEqual([]);
      expect(results.passes.length, `${theme} ${path}: text was checked`).toBeGreaterThan(0);
    }
  }
});
