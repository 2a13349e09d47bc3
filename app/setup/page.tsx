import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard, AuthForm } from "@/components/auth/auth-form";
import { needsSetup } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Set up Switchyard" };

/** First run only: the first account becomes the admin. */
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <AuthCard title="Create the admin account" intro="This first account manages providers, users and budgets. Others join when you add them.">
      <AuthForm
        action="/api/auth/setup"
        next="/"
        submitLabel="Create admin account"
        fields={[
          { name: "name", label: "Name", type: "text", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          { name: "password", label: "Password (8 characters or more)", type: "password", autoComplete: "new-password" },
        ]}
      />
    </AuthCard>
  );
}
