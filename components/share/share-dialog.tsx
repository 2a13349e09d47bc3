"use client";
// Options for a new link (system prompts, stats, expiry; update the existing link or mint
// a new one), then the link itself to copy. The snapshot is taken when "Create link" is pressed.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Modal } from "@/components/ui/modal";
import type { ExpiresIn } from "@/lib/share/expiry";
import type { ShareLinkDto } from "@/lib/share/share-types";
import { CopyLinkButton } from "./copy-link-button";
import { createShareLink, listShareLinks, shareKeys } from "./share-api";
import { primaryButton, secondaryButton } from "./styles";

const EXPIRY_CHOICES: { value: ExpiresIn; label: string }[] = [
  { value: "never", label: "Never" },
  { value: "1d", label: "1 day" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
];

interface Props {
  conversationId: string;
  open: boolean;
  onClose: () => void;
}

export function ShareDialog({ conversationId, open, onClose }: Props) {
  const queryClient = useQueryClient();
  const [includeSystemPrompts, setIncludeSystemPrompts] = useState(false);
  const [includeStats, setIncludeStats] = useState(true);
  const [includeAttachments, setIncludeAttachments] = useState(false);
  const [expiresIn, setExpiresIn] = useState<ExpiresIn>("never");
  const [mode, setMode] = useState<"update" | "new">("update");
  const [created, setCreated] = useState<ShareLinkDto | null>(null);

  const existing = useQuery({ queryKey: shareKeys.conversation(conversationId), queryFn: () => listShareLinks(conversationId), enabled: open });
  const activeLink = existing.data?.find((l) => l.status === "active");
  const create = useMutation({
    mutationFn: () => createShareLink({ conversationId, includeSystemPrompts, includeStats, includeAttachments, expiresIn, updateExisting: activeLink !== undefined && mode === "update" }),
    onSuccess: (link) => {
      setCreated(link);
      void queryClient.invalidateQueries({ queryKey: shareKeys.all });
    },
  });

  useEffect(() => {
    if (open) setCreated(null);
  }, [open]);

  return (
    <Modal open={open} onClose={onClose} title="Share this comparison" subtitle="Anyone with the link sees a read-only copy as it is now." closeLabel="Close share dialog">
      {created ? (
        <CreatedLink link={created} onAnother={() => setCreated(null)} />
      ) : (
        <form
          className="space-y-4 px-4 py-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium">Include</legend>
            <Check label="System prompts" checked={includeSystemPrompts} onChange={setIncludeSystemPrompts} hint="Each column's instructions to its model" />
            <Check label="Cost and token stats" checked={includeStats} onChange={setIncludeStats} hint="Tokens, cost, speed and totals" />
            <Check label="Attachments" checked={includeAttachments} onChange={setIncludeAttachments} hint="Images and files attached to the prompts" />
          </fieldset>
          <label className="block text-sm font-medium">
            Link expires
            <select
              value={expiresIn}
              onChange={(e) => setExpiresIn(e.target.value as ExpiresIn)}
              className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950"
            >
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          {activeLink && (
            <fieldset className="space-y-2 rounded-lg bg-zinc-50 p-3 dark:bg-zinc-800/50">
              <legend className="sr-only">This comparison is already shared</legend>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">This comparison is already shared ({activeLink.viewCount} views).</p>
              <Radio name="share-mode" label="Update existing link" hint="Same address, today's snapshot" checked={mode === "update"} onChange={() => setMode("update")} />
              <Radio name="share-mode" label="Create new link" hint="A second address; the old one keeps its snapshot" checked={mode === "new"} onChange={() => setMode("new")} />
            </fieldset>
          )}
          {create.isError && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              Could not share: {create.error.message}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={onClose} className={secondaryButton}>
              Cancel
            </button>
            <button type="submit" disabled={create.isPending || existing.isPending} className={primaryButton}>
              {create.isPending ? "Sharing…" : activeLink && mode === "update" ? "Update link" : "Create link"}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function CreatedLink({ link, onAnother }: { link: ShareLinkDto; onAnother: () => void }) {
  return (
    <div className="space-y-3 px-4 py-4">
      <label className="block text-sm font-medium">
        Share link
        <input
          readOnly
          value={link.url}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded-lg border border-zinc-300 bg-zinc-50 px-2.5 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {link.expiresAt ? `Expires ${new Date(link.expiresAt).toLocaleString()}.` : "Never expires."} Revoke it any time under Shared links.
      </p>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" onClick={onAnother} className={secondaryButton}>
          Change options
        </button>
        <a href={link.url} target="_blank" rel="noopener noreferrer" className={secondaryButton}>
          Open link
        </a>
        <CopyLinkButton url={link.url} className={primaryButton} />
      </div>
    </div>
  );
}

function Check({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex items-start gap-2.5 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 accent-zinc-900 dark:accent-zinc-100" />
      <span>
        {label}
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{hint}</span>
      </span>
    </label>
  );
}

function Radio({ name, label, hint, checked, onChange }: { name: string; label: string; hint: string; checked: boolean; onChange: () => void }) {
  return (
    <label className="flex items-start gap-2.5 text-sm">
      <input type="radio" name={name} checked={checked} onChange={onChange} className="mt-0.5 size-4 accent-zinc-900 dark:accent-zinc-100" />
      <span>
        {label}
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{hint}</span>
      </span>
    </label>
  );
}
