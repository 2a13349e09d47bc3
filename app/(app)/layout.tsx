import { CurrentUserProvider } from "@/components/auth/current-user";
import { AppShell } from "@/components/layout/app-shell";
import { localModeActive } from "@/lib/auth/local-mode";
import { requirePageUser } from "@/lib/auth/page-user";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <CurrentUserProvider user={user} localMode={localModeActive()}>
      <AppShell>{children}</AppShell>
    </CurrentUserProvider>
  );
}
