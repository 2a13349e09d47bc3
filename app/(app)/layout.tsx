import { cookies } from "next/headers";
import { CurrentUserProvider } from "@/components/auth/current-user";
import { AppShell } from "@/components/layout/app-shell";
import { SIDEBAR_COOKIE, sidebarCollapsedFromCookie } from "@/components/layout/sidebar-state";
import { localModeActive } from "@/lib/auth/local-mode";
import { requirePageUser } from "@/lib/auth/page-user";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const collapsed = sidebarCollapsedFromCookie((await cookies()).get(SIDEBAR_COOKIE)?.value);
  return (
    <CurrentUserProvider user={user} localMode={localModeActive()}>
      <AppShell initialCollapsed={collapsed}>{children}</AppShell>
    </CurrentUserProvider>
  );
}
