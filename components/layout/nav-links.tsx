"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCurrentUser } from "@/components/auth/current-user";
import { ChartIcon, ChatIcon, CubeIcon, GearIcon, TrophyIcon, UsersIcon } from "@/components/ui/icons";
import { LinkIcon } from "@/components/share/link-icon";

const LINKS = [
  { href: "/", label: "Chat", Icon: ChatIcon, match: (p: string) => p === "/" || p.startsWith("/c/") },
  { href: "/models", label: "Models", Icon: CubeIcon, match: (p: string) => p.startsWith("/models") },
  { href: "/leaderboard", label: "Leaderboard", Icon: TrophyIcon, match: (p: string) => p.startsWith("/leaderboard") || p.startsWith("/votes") || p.startsWith("/evals") },
  { href: "/usage", label: "Usage", Icon: ChartIcon, match: (p: string) => p.startsWith("/usage") },
  { href: "/shared", label: "Shared links", Icon: LinkIcon, match: (p: string) => p.startsWith("/shared") },
  { href: "/settings", label: "Settings", Icon: GearIcon, match: (p: string) => p.startsWith("/settings") },
];
const ADMIN_LINKS = [{ href: "/users", label: "Users", Icon: UsersIcon, match: (p: string) => p.startsWith("/users") }];

/** `compact`: icons only (the collapsed rail), each still named for screen readers and tooltips. */
export function NavLinks({ compact = false }: { compact?: boolean }) {
  const pathname = usePathname() ?? "/";
  const { user } = useCurrentUser();
  const links = user.role === "admin" ? [...LINKS, ...ADMIN_LINKS] : LINKS;
  return (
    <nav aria-label="Main">
      <ul className="space-y-0.5">
        {links.map(({ href, label, Icon, match }) => {
          const active = match(pathname);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                aria-label={compact ? label : undefined}
                title={compact ? label : undefined}
                className={`flex items-center gap-2.5 rounded-md text-sm ${compact ? "p-2" : "px-2.5 py-1.5"} ${
                  active
                    ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50"
                    : "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
                }`}
              >
                <Icon className="size-4 shrink-0" />
                {!compact && label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
