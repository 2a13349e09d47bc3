import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { paramsToObject, parseUsageQuery } from "@/lib/usage/query-params";

const NOW = Date.parse("2026-06-15T12:00:00Z");
const parse = (qs: string) => parseUsageQuery(paramsToObject(new URLSearchParams(qs)), NOW);

function rejects(qs: string, message: RegExp, param?: string) {
  try {
    parse(qs);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(message);
    if (param) expect((error as AppError).param).toBe(param);
    return;
  }
  throw new Error(`${qs} was accepted`);
}

describe("usage range parameters", () => {
  it("defaults to the last 30 days in UTC, bucketed by day", () => {
    const q = parse("");
    expect(q).toMatchObject({ range: "month", tz: "UTC", bucket: "day", to: NOW, from: NOW - 30 * 86_400_000, filters: {} });
  });

  it("picks the bucket from the range", () => {
    expect(parse("range=hour").bucket).toBe("minute");
    expect(parse("range=day").bucket).toBe("hour");
    expect(parse("range=week").bucket).toBe("day");
    expect(parse("range=year").bucket).toBe("week");
  });

  it("reads custom dates as whole local days in the given time zone", () => {
    const q = parse("range=custom&from=2026-03-01&to=2026-03-31&tz=Europe/Berlin");
    expect(new Date(q.from).toISOString()).toBe("2026-02-28T23:00:00.000Z");
    // The last day is included: the range ends at the next local midnight (after the DST change).
    expect(new Date(q.to).toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(q.bucket).toBe("day");
  });

  it("takes instants with offsets as they are, and local date-times in tz", () => {
    const q = parse("range=custom&from=2026-03-01T09:30:00Z&to=2026-03-01T12:00:00%2B02:00");
    expect(q.from).toBe(Date.parse("2026-03-01T09:30:00Z"));
    expect(q.to).toBe(Date.parse("2026-03-01T10:00:00Z"));
    const local = parse("range=custom&from=2026-07-01T09:00&to=2026-07-01T18:00&tz=America/New_York");
    expect(new Date(local.from).toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });

  it("keeps filters and treats empty values as unset", () => {
    const q = parse("model=sandbox/swift-mini&provider=sandbox&status=error&source=chat&apiKeyId=&conversationId=c1");
    expect(q.filters).toEqual({ model: "sandbox/swift-mini", provider: "sandbox", status: "error", source: "chat", conversationId: "c1" });
  });

  it("answers bad input with a 400 that names the parameter", () => {
    rejects("range=fortnight", /range must be one of hour, day, week, month, year, custom/, "range");
    rejects("tz=Mars/Olympus", /tz must be an IANA time zone/, "tz");
    rejects("range=custom&to=2026-01-01", /needs from/, "from");
    rejects("range=custom&from=2026-01-01", /needs to/, "to");
    rejects("range=custom&from=yesterday&to=2026-01-01", /from must be an ISO 8601 date/, "from");
    rejects("range=custom&from=2026-02-30&to=2026-03-01", /from must be an ISO 8601 date/, "from");
    rejects("range=custom&from=2026-03-02&to=2026-03-01", /to must be after from/, "to");
    rejects("range=custom&from=2010-01-01&to=2026-03-01", /at most 5 years/, "to");
    rejects("range=week&from=2026-01-01", /only allowed with range=custom/, "from");
    rejects("status=pending", /status must be one of/, "status");
    rejects("source=web", /source must be chat or api/, "source");
    rejects("model=a&model=b", /model was given more than once/, "model");
  });
});
