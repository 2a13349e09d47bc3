import { describe, expect, it } from "vitest";
import { MessageTree, FUSION_GROUP, type TreeRow } from "@/lib/db/message-tree";

let clock = 0;
const row = (id: string, role: string, parentId: string | null, extra: Partial<TreeRow> = {}): TreeRow => ({
  id,
  role,
  columnId: role === "assistant" ? "a" : null,
  parentId,
  selected: true,
  createdAt: new Date(1_700_000_000_000 + clock++ * 1000),
  ...extra,
});

describe("MessageTree", () => {
  const rows = [
    row("p1", "user", null),
    row("a1", "assistant", "p1", { selected: false }),
    row("a1b", "assistant", "p1"),
    row("b1", "assistant", "p1", { columnId: "b" }),
    row("p2", "user", "p1", { selected: false }),
    row("a2", "assistant", "p2"),
    row("p2b", "user", "p1"),
    row("f2", "fusion", "p2b"),
    row("p3", "user", "p2"),
  ];
  const tree = new MessageTree(rows);

  it("follows the selected prompt of each turn, with each group's selected answer and its versions", () => {
    const path = tree.activePath();
    expect(path.map((s) => s.prompt.id)).toEqual(["p1", "p2b"]);
    expect(path[0].answers.get("a")).toMatchObject({ selected: { id: "a1b" } });
    expect(path[0].answers.get("a")!.versions.map((v) => v.id)).toEqual(["a1", "a1b"]);
    expect(path[1].answers.get(FUSION_GROUP)!.selected.id).toBe("f2");
    expect(path[1].prompts.map((p) => p.id)).toEqual(["p2", "p2b"]);
  });

  it("walks back from any prompt to the first, whatever is selected", () => {
    expect(tree.pathTo("p3").map((s) => s.prompt.id)).toEqual(["p1", "p2", "p3"]);
    expect(tree.pathTo(null)).toEqual([]);
  });

  it("names a message's siblings: a prompt's edits, an answer's versions in its own column", () => {
    expect(tree.siblingsOf(tree.get("p2b")!).map((r) => r.id)).toEqual(["p2", "p2b"]);
    expect(tree.siblingsOf(tree.get("a1")!).map((r) => r.id)).toEqual(["a1", "a1b"]);
    expect(tree.siblingsOf(tree.get("b1")!).map((r) => r.id)).toEqual(["b1"]);
  });

  it("shows the newest sibling when none is selected", () => {
    const unselected = new MessageTree([row("x1", "user", null, { selected: false }), row("x2", "user", null, { selected: false })]);
    expect(unselected.activePath()[0].prompt.id).toBe("x2");
  });
});
