// A conversation is a tree of messages: each prompt hangs under the prompt before it on its
// branch, each answer (and fused answer) under its prompt. Editing a prompt adds a sibling
// prompt (a branch); regenerating adds a sibling answer (a version). One sibling of each group
// is selected; following the selected prompts from the root gives the branch on screen, and
// the history models are sent. Pure, so the server and the browser share this one rule.

export interface TreeRow {
  id: string;
  role: string;
  columnId: string | null;
  parentId: string | null;
  selected: boolean;
  createdAt: Date | string;
}

/** The key answers of one prompt are grouped by: their column, or "fusion" for fused answers. */
export const FUSION_GROUP = "fusion";

export interface PathStep<R extends TreeRow> {
  prompt: R;
  /** The prompt and its edited siblings, oldest first. */
  prompts: R[];
  /** By column id (and FUSION_GROUP): every version, oldest first, and the selected one. */
  answers: Map<string, { selected: R; versions: R[] }>;
}

const time = (row: TreeRow) => (typeof row.createdAt === "string" ? Date.parse(row.createdAt) : row.createdAt.getTime());
const byAge = (a: TreeRow, b: TreeRow) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const groupOf = (row: Pick<TreeRow, "role" | "columnId">): string | null => (row.role === "user" ? null : row.role === "fusion" ? FUSION_GROUP : row.columnId);

/** The sibling that is shown: the newest selected one, else the newest. */
export function selectedOf<R extends TreeRow>(siblings: R[]): R {
  return siblings.findLast((s) => s.selected) ?? siblings[siblings.length - 1];
}

export class MessageTree<R extends TreeRow> {
  private readonly children = new Map<string | null, R[]>();
  private readonly replies = new Map<string, R[]>();
  private readonly byId = new Map<string, R>();

  constructor(rows: readonly R[]) {
    for (const row of [...rows].sort(byAge)) {
      this.byId.set(row.id, row);
      const index = row.role === "user" ? this.children : this.replies;
      const key = row.parentId ?? null;
      if (row.role !== "user" && key === null) continue;
      const list = index.get(key as string) ?? [];
      list.push(row);
      index.set(key as string, list);
    }
  }

  get(id: string): R | undefined {
    return this.byId.get(id);
  }

  /** The branch on screen: from the first prompt, each time the selected one of the prompts that follow. */
  activePath(): PathStep<R>[] {
    const steps: PathStep<R>[] = [];
    for (let parent: string | null = null; ; ) {
      const prompts = this.children.get(parent);
      if (!prompts?.length) return steps;
      const prompt = selectedOf(prompts);
      steps.push(this.step(prompt, prompts));
      parent = prompt.id;
    }
  }

  /** The prompts from the first to `promptId`, each with its answers: the history behind a branch point. */
  pathTo(promptId: string | null): PathStep<R>[] {
    const steps: PathStep<R>[] = [];
    for (let prompt = promptId ? this.byId.get(promptId) : undefined; prompt; prompt = prompt.parentId ? this.byId.get(prompt.parentId) : undefined) {
      steps.unshift(this.step(prompt, this.children.get(prompt.parentId ?? null) ?? [prompt]));
    }
    return steps;
  }

  /** The messages that share `row`'s place: its edited prompts, or its answer's versions. */
  siblingsOf(row: R): R[] {
    if (row.role === "user") return this.children.get(row.parentId ?? null) ?? [row];
    const group = groupOf(row);
    return (this.replies.get(row.parentId ?? "") ?? []).filter((r) => groupOf(r) === group);
  }

  private step(prompt: R, prompts: R[]): PathStep<R> {
    const answers = new Map<string, { selected: R; versions: R[] }>();
    for (const reply of this.replies.get(prompt.id) ?? []) {
      const group = groupOf(reply);
      if (group === null) continue;
      const entry = answers.get(group);
      if (entry) entry.versions.push(reply);
      else answers.set(group, { selected: reply, versions: [reply] });
    }
    for (const entry of answers.values()) entry.selected = selectedOf(entry.versions);
    return { prompt, prompts, answers };
  }
}
