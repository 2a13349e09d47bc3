import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Deadline } from "@/lib/providers/deadline";

describe("Deadline", () => {
  let expired: ReturnType<typeof vi.fn<() => void>>;
  let deadline: Deadline;

  beforeEach(() => {
    vi.useFakeTimers();
    expired = vi.fn<() => void>();
    deadline = new Deadline(expired);
  });
  afterEach(() => vi.useRealTimers());

  it("expires once nothing arrived for the limit, and touches push it back", () => {
    deadline.arm(1000);
    vi.advanceTimersByTime(900);
    deadline.touch(1000);
    vi.advanceTimersByTime(900);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(deadline.expired).toBe(true);
  });

  it("a touch with another limit switches to it (first-token limit, then the idle limit)", () => {
    deadline.arm(60_000);
    vi.advanceTimersByTime(100);
    deadline.touch(500);
    vi.advanceTimersByTime(499);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it("never fires once disposed", () => {
    deadline.arm(10);
    deadline.dispose();
    vi.advanceTimersByTime(100);
    expect(expired).not.toHaveBeenCalled();
  });
});
