"use client";
// Settings → Presets: saved ways to call models, used as `@preset/<slug>` on the API and as a
// column in the chatroom's model picker.
import { useState } from "react";
import type { PresetDto } from "@/lib/presets/preset-schema";
import { card, code } from "./api-keys-ui";
import { PresetForm } from "./preset-form";
import { PresetList } from "./preset-list";

export function PresetsSection({ admin }: { admin: boolean }) {
  const [editing, setEditing] = useState<PresetDto | null>(null);
  return (
    <section aria-labelledby="presets-heading" className="space-y-3">
      <div>
        <h2 id="presets-heading" className="font-semibold">
          Presets
        </h2>
        <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
          A model with its fallbacks, parameters, provider order and system prompt, saved under a name. Use one with{" "}
          <code className={code}>&quot;model&quot;: &quot;@preset/&lt;slug&gt;&quot;</code> on the API, or pick it as a column in the chatroom.
          {admin && " Team presets are available to every user."}
        </p>
      </div>
      <div className={card}>
        <h3 className="border-b border-zinc-200 px-4 pt-3 pb-2 text-sm font-medium dark:border-zinc-800">{editing ? `Edit ${editing.name}` : "New preset"}</h3>
        <PresetForm key={editing?.id ?? "new"} editing={editing} admin={admin} onDone={() => setEditing(null)} />
      </div>
      <PresetList onEdit={setEditing} />
    </section>
  );
}
