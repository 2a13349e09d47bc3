import { describe, expect, it } from "vitest";
import { csvField, csvHeader, csvLine, type CsvColumn } from "@/lib/usage/csv";

describe("CSV (RFC 4180)", () => {
  it("leaves plain fields alone and quotes the ones that need it", () => {
    expect(csvField("sandbox/swift-mini")).toBe("sandbox/swift-mini");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(0)).toBe("0");
    expect(csvField(12345678901234567890n)).toBe("12345678901234567890");
    expect(csvField(false)).toBe("false");
  });

  it("defuses spreadsheet formulas in free text, not in numbers", () => {
    expect(csvField("=HYPERLINK(\"x\")", { text: true })).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("@SUM(A1)", { text: true })).toBe("'@SUM(A1)");
    expect(csvField("-1", { text: false })).toBe("-1");
  });

  it("ends every record with CRLF and keeps column order", () => {
    const columns: CsvColumn<{ a: string; b: number }>[] = [
      { header: "name", value: (r) => r.a, text: true },
      { header: "count", value: (r) => r.b },
    ];
    expect(csvHeader(columns) + csvLine(columns, { a: "x, y", b: 2 })).toBe('name,count\r\n"x, y",2\r\n');
  });
});
