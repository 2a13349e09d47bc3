// Helpers for the comparison-view specs: a finished comparison made through the chat API
// (the SSE body read to its end), and checks of what a reader sees.
import { expect, type Locator, type Page } from "@playwright/test";
import { csrfHeaders } from "./accounts";

export const column = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name}.* answers$`) });

/** A conversation with these models and turns, every answer finished; returns its id. */
export async function createComparison(page: Page, modelIds: string[], prompts: string[]): Promise<string> {
  let conversationId: string | undefined;
  for (const prompt of prompts) {
    const response = await page.request.post("/api/chat", {
      headers: await csrfHeaders(page),
      data: conversationId ? { conversationId, prompt } : { prompt, columns: modelIds.map((modelId) => ({ modelId })) },
    });
    expect(response.ok()).toBe(true);
    conversationId ??= /"conversationId":"([^"]+)"/.exec(await response.text())?.[1];
    expect(conversationId).toBeTruthy();
  }
  return conversationId!;
}

/**
 * The words of `scope`'s text that a line break splits in two (none, when words are kept
 * whole). A line may still end after a hyphen or slash, as typeset text does: "one-" / "off".
 */
export async function wordsSplitAcrossLines(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((roots) => {
    const split: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\-\u2010-\u2014/]{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  });
}

/** Top edges (px) of the elements, to compare rows across columns. */
export async function tops(locators: Locator[]): Promise<number[]> {
  return Promise.all(locators.map(async (l) => Math.round((await l.boundingBox())!.y)));
}
