import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { PresetsSection } from "@/components/settings/presets-section";
import { ProviderHelp } from "@/components/settings/provider-help";
import { ProviderList } from "@/components/settings/provider-list";
import { ResponseCacheSection } from "@/components/settings/response-cache-section";
import { localModeActive } from "@/lib/auth/local-mode";
import { requirePageUser } from "@/lib/auth/page-user";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  const admin = user.role === "admin";
  return (
    <div className="flex-1 overflow-y-auto">
      <div className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {admin
              ? "Providers Switchyard can route to, keys and presets for its API, the response cache, and your account."
              : "Your keys and presets for Switchyard's API, and your account."}
          </p>
        </div>
        {admin && (
          <>
            <section aria-labelledby="providers-heading" className="space-y-3">
              <h2 id="providers-heading" className="font-semibold">
                Providers
              </h2>
              <ProviderList />
            </section>
            <ProviderHelp />
          </>
        )}
        <ApiKeysSection />
        <PresetsSection admin={admin} />
        {admin && <ResponseCacheSection />}
        {!localModeActive() && (
          <section aria-labelledby="account-heading" className="space-y-3">
            <h2 id="account-heading" className="font-semibold">
              Your account
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Signed in as {user.name} ({user.email}), {admin ? "admin" : "member"}.
            </p>
            <ChangePasswordForm />
          </section>
        )}
      </div>
    </div>
  );
}
