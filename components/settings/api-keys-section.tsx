"use client";
// Settings → API keys: create a key (shown once), see and revoke keys, and how to use one.
import { useState } from "react";
import type { CreatedApiKeyDto } from "@/lib/auth/api-keys-dto";
import { CreateApiKeyForm } from "./api-keys-create-form";
import { CreatedApiKeyDialog } from "./api-keys-created-dialog";
import { ApiKeyList } from "./api-keys-list";
import { ApiKeySnippet } from "./api-keys-snippet";
import { card, code } from "./api-keys-ui";

export function ApiKeysSection() {
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  return (
    <section aria-labelledby="api-keys-heading" className="space-y-3">
      <div>
        <h2 id="api-keys-heading" className="font-semibold">
          API keys
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Keys for the OpenAI-compatible API at <code className={code}>/api/v1</code>. Each can have its own credit limit, rate limits and expiry; calls
          show up on the Usage page under their key.
        </p>
      </div>
      <div className={card}>
        <h3 className="border-b border-zinc-200 px-4 pt-3 pb-2 text-sm font-medium dark:border-zinc-800">New key</h3>
        <CreateApiKeyForm onCreated={setCreated} />
      </div>
      <ApiKeyList />
      <ApiKeySnippet />
      <CreatedApiKeyDialog created={created} onClose={() => setCreated(null)} />
    </section>
  );
}
