"use client";
import { memo, useId } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import { SendIcon, StopIcon } from "@/components/ui/icons";
import { CostEstimate } from "./cost-estimate";
import { ToolToggles } from "./tool-toggles";
import type { PendingAttachments } from "@/lib/chat/client/use-pending-attachments";
import { AttachButton, AttachmentTray } from "./attachment-tray";

interface Props {
  promptRef?: React.Ref<HTMLTextAreaElement>;
  prompt: string;
  onPromptChange: (prompt: string) => void;
  onSend: () => void;
  onStopAll: () => void;
  streaming: boolean;
  canSend: boolean;
  conversationId: string | null;
  columns: readonly ColumnSettings[];
  tools: readonly string[];
  onToolsChange: (tools: string[]) => void;
  hint?: string;
  /** A blind comparison: the estimate shows only its total. */
  totalOnly?: boolean;
  /** Files waiting to go with the prompt (picked, pasted or dropped). */
  attachments?: PendingAttachments;
}

export const Composer = memo(function Composer({ promptRef, prompt, onPromptChange, onSend, onStopAll, streaming, canSend, conversationId, columns, tools, onToolsChange, hint, totalOnly, attachments }: Props) {
  const id = useId();
  const sendable = canSend && !streaming && prompt.trim().length > 0 && !attachments?.uploading;
  const takeFiles = (files: FileList | undefined | null) => (files?.length && attachments ? (attachments.add([...files]), true) : false);
  return (
    <form
      className="border-t border-zinc-200 bg-white/80 p-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80"
      onSubmit={(e) => {
        e.preventDefault();
        if (sendable) onSend();
      }}
      onDragOver={(e) => attachments && e.dataTransfer.types.includes("Files") && e.preventDefault()}
      onDrop={(e) => takeFiles(e.dataTransfer.files) && e.preventDefault()}
    >
      <div className="mx-auto max-w-4xl">
        {attachments && <AttachmentTray attachments={attachments} columns={columns} />}
        <label htmlFor={`${id}-prompt`} className="sr-only">
          Prompt
        </label>
        <div className="flex items-end gap-2 rounded-xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900">
          {attachments && <AttachButton attachments={attachments} disabled={streaming} />}
          <textarea
            ref={promptRef}
            id={`${id}-prompt`}
            value={prompt}
            rows={2}
            onChange={(e) => onPromptChange(e.target.value)}
            onPaste={(e) => takeFiles(e.clipboardData.files) && e.preventDefault()}
            onKeyDown={(e) => {
              // Esc leaves the box, so the single-key shortcuts ([ ] ? /) work again.
              if (e.key === "Escape") e.currentTarget.blur();
              // Enter sends; Shift+Enter is a newline; an IME composing text keeps its Enter.
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                if (sendable) onSend();
              }
            }}
            placeholder={hint ?? "Ask every model at once…"}
            className="max-h-48 min-h-[2.5rem] flex-1 resize-none bg-transparent px-1.5 py-1 text-sm outline-none placeholder:text-zinc-500 field-sizing-content dark:placeholder:text-zinc-400"
          />
          {streaming ? (
            <button type="button" onClick={onStopAll} className="inline-flex items-center gap-1.5 rounded-lg bg-red-600 px-3 py-2 text-sm font-medium text-white hover:bg-red-700">
              <StopIcon />
              Stop all
            </button>
          ) : (
            <button
              type="submit"
              disabled={!sendable}
              className="inline-flex items-center gap-1.5 rounded-lg bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:cursor-not-allowed disabled:opacity-40 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white"
            >
              Send
              <SendIcon />
            </button>
          )}
        </div>
        <div className="mt-1.5 flex flex-wrap items-center justify-between gap-2 px-1">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <CostEstimate prompt={prompt} conversationId={conversationId} columns={columns} totalOnly={totalOnly} attachmentIds={attachments?.ready.map((a) => a.id)} />
            <ToolToggles enabled={tools} onChange={onToolsChange} disabled={streaming} />
          </div>
          <p className="hidden text-xs text-zinc-600 sm:block dark:text-zinc-400">Enter to send · Shift+Enter for a new line · ? for shortcuts</p>
        </div>
      </div>
    </form>
  );
});
