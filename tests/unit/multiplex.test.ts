import { describe, expect, it } from "vitest";
import { multiplex, type EventSource } from "@/lib/streaming/multiplex";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function paced(name: string, count: number, gapMs: number, failAt?: number): EventSource<string> {
  return async (emit) => {
    for (let i = 0; i < count; i++) {
      await sleep(gapMs);
      if (i === failAt) throw new Error(`${name} broke`);
      emit(`${name}${i}`);
    }
  };
}

async function collect(sources: EventSource<string>[], onError: (i: number, e: unknown) => string = () => "err", onSourceEnd?: (i: number) => void): Promise<string[]> {
  const out: string[] = [];
  await multiplex(sources, (item) => out.push(item), { onError, onSourceEnd });
  return out;
}

describe("multiplex", () => {
  it("interleaves sources in arrival order and keeps each source's own order", async () => {
    const out = await collect([paced("a", 5, 3), paced("b", 5, 5)]);
    expect(out).toHaveLength(10);
    expect(out.filter((x) => x.startsWith("a"))).toEqual(["a0", "a1", "a2", "a3", "a4"]);
    expect(out.filter((x) => x.startsWith("b"))).toEqual(["b0", "b1", "b2", "b3", "b4"]);
    // A fast source is not held back by a slow one.
    expect(out.indexOf("a4")).toBeLessThan(out.indexOf("b4"));
    // Interleaved, not one after the other.
    expect(out.indexOf("b0")).toBeLessThan(out.indexOf("a4"));
  });

  it("turns one failing source into an error item and lets the others finish", async () => {
    const out = await collect([paced("a", 4, 2, 2), paced("b", 4, 3)], (i, e) => `error:${i}:${(e as Error).message}`);
    expect(out).toContain("error:0:a broke");
    expect(out.filter((x) => x.startsWith("b"))).toHaveLength(4);
    expect(out.filter((x) => x.startsWith("a"))).toEqual(["a0", "a1"]);
  });

  it("a source that throws before its first await still lets the others run", async () => {
    const broken: EventSource<string> = () => {
      throw new Error("at once");
    };
    const out = await collect([broken, paced("b", 3, 1)], (i, e) => `error:${i}:${(e as Error).message}`);
    expect(out).toEqual(["error:0:at once", "b0", "b1", "b2"]);
  });

  it("stopping one source (it ends early) does not stop the others", async () => {
    const controller = new AbortController();
    const stoppable: EventSource<string> = async (emit) => {
      for (let i = 0; i < 100; i++) {
        if (controller.signal.aborted) return;
        await sleep(2);
        emit(`s${i}`);
      }
    };
    setTimeout(() => controller.abort(), 15);
    const out = await collect([stoppable, paced("b", 10, 4)]);
    expect(out.filter((x) => x.startsWith("s")).length).toBeLessThan(100);
    expect(out.filter((x) => x.startsWith("b"))).toHaveLength(10);
  });

  it("tells when each source ends, however it ended", async () => {
    const ended: number[] = [];
    await collect([paced("a", 2, 1), paced("b", 2, 4, 1)], () => "err", (i) => ended.push(i));
    expect(ended).toEqual([0, 1]);
  });

  it("ends at once with no sources", async () => {
    expect(await collect([])).toEqual([]);
  });
});
