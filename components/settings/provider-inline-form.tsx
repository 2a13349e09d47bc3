"use client";
// One field edited in place (a key or a base URL): the input, Save and Cancel, and the
// server's own error sentence when it refuses.
import { useId, useState } from "react";
import { input, primaryButton, secondaryButton } from "./api-keys-ui";

export interface InlineFormProps {
  /** The field's accessible name, e.g. "API key for OpenAI". */
  label: string;
  type: "password" | "url" | "text";
  initial?: string;
  placeholder?: string;
  pending: boolean;
  error: string | null;
  onSave: (value: string) => void;
  onCancel: () => void;
}

export function ProviderInlineForm({ label, type, initial = "", placeholder, pending, error, onSave, onCancel }: InlineFormProps) {
  const id = useId();
  const [value, setValue] = useState(initial);
  return (
    <form method="post"
      aria-label={label}
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSave(value.trim());
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          type={type}
          className={`${input} max-w-md flex-1 font-mono`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={placeholder}
          required
          // Browsers must not offer to remember a provider key as a site password.
          autoComplete={type === "password" ? "new-password" : "off"}
          spellCheck={false}
          autoFocus
        />
        <button type="submit" className={primaryButton} disabled={pending || !value.trim()} aria-label={`Save ${label}`}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel} disabled={pending} aria-label={`Cancel editing ${label}`}>
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
