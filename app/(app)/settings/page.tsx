import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { ProviderHelp } from "@/components/settings/provider-help";
import { ProviderList } from "@/components/settings/provider-list";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <div className="flex-1 overflow-y-auto">
      <div className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Providers Switchyard can route to, and keys for its API.</p>
        </div>
        <section aria-labelledby="providers-heading" className="space-y-3">
          <h2 id="providers-heading" className="font-semibold">
            Providers
          </h2>
          <ProviderList />
        </section>
        <ProviderHelp />
        <ApiKeysSection />
      </div>
    </div>
  );
}
