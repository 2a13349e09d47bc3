import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthCard, AuthForm } from "@/components/auth/auth-form";
import { userFromCookieHeader } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/safe-next";
import { needsSetup } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await needsSetup()) redirect("/setup");
  if (await userFromCookieHeader((await headers()).get("cookie"))) redirect(next);
  return (
    <AuthCard title="Sign in" intro="Use the email and password your Switchyard admin gave you.">
      <AuthForm
        action="/api/auth/login"
        next={next}
        submitLabel="Sign in"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
    </AuthCard>
  );
}
