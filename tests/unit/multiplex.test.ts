import { describe, expect, it } from "vitest";
import { multiplex } from "@/lib/streaming/multiplex";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* paced(name: string, count: number, gapMs: number, failAt?: number) {
  for (let i = 0; i < count; i++) {
    await sleep(gapMs);
    if (i === failAt) throw new Error(`${name} broke`);
    yield `${name}${i}`;
  }
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe("multiplex", () => {
  it("interleaves sources in arrival order and keeps each source's own order", async () => {
    const out = await collect(multiplex([paced("a", 5, 3), paced("b", 5, 5)], () => "err"));
    expect(out).toHaveLength(10);
    expect(out.filter((x) => x.startsWith("a"))).toEqual(["a0", "a1", "a2", "a3", "a4"]);
    expect(out.filter((x) => x.startsWith("b"))).toEqual(["b0", "b1", "b2", "b3", "b4"]);
    // A fast source is not held back by a slow one.
    expect(out.indexOf("a4")).toBeLessThan(out.indexOf("b4"));
  });

  it("turns one failing source into an error item and lets the others finish", async () => {
    const out = await collect(multiplex([paced("a", 4, 2, 2), paced("b", 4, 3)], (i, e) => `error:${i}:${(e as Error).message}`));
    expect(out).toContain("error:0:a broke");
    expect(out.filter((x) => x.startsWith("b"))).toHaveLength(4);
    expect(out.filter((x) => x.startsWith("a"))).toEqual(["a0", "a1"]);
  });

  it("stopping one source (it ends early) does not stop the others", async () => {
    const controller = new AbortController();
    async function* stoppable() {
      for (let i = 0; i < 100; i++) {
        if (controller.signal.aborted) return;
        await sleep(2);
        yield `s${i}`;
      }
    }
    setTimeout(() => controller.abort(), 15);
    const out = await collect(multiplex([stoppable(), paced("b", 10, 4)], () => "err"));
    expect(out.filter((x) => x.startsWith("s")).length).toBeLessThan(100);
    expect(out.filter((x) => x.startsWith("b"))).toHaveLength(10);
  });

  it("ends at once with no sources", async () => {
    expect(await collect(multiplex<string>([], () => "err"))).toEqual([]);
  });
});

describe("multiplex options", () => {
  it("yields the head first and the tail last, and tells when each source ends", async () => {
    const ended: number[] = [];
    const out = await collect(multiplex([paced("a", 2, 1), paced("b", 2, 4, 1)], (i) => `error:${i}`, { head: ["start"], tail: ["done"], onSourceEnd: (i) => ended.push(i) }));
    expect(out[0]).toBe("start");
    expect(out.at(-1)).toBe("done");
    expect(out).toContain("error:1");
    expect(ended.sort()).toEqual([0, 1]);
  });
});
