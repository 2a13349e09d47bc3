"use client";
// The owner's links: a table on wide screens, cards on a phone.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ShareLinkDto } from "@/lib/share/share-types";
import { LinkStatusBadge } from "./link-status-badge";
import { listShareLinks, shareKeys } from "./share-api";
import { SharedLinkActions } from "./shared-link-actions";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

function expiryText(link: ShareLinkDto): string {
  if (link.status === "revoked" && link.revokedAt) return `Revoked ${formatDate(link.revokedAt)}`;
  return link.expiresAt ? formatDate(link.expiresAt) : "Never";
}

/** Enough of the token to tell links to one conversation apart, not enough to open one. */
const shortToken = (token: string) => `${token.slice(0, 6)}…`;

export function SharedLinksList() {
  const links = useQuery({ queryKey: shareKeys.all, queryFn: () => listShareLinks() });
  const rows = links.data ?? [];
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-6xl px-4 py-5">
        <h1 className="text-lg font-semibold tracking-tight">Shared links</h1>
        <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">Read-only snapshots you shared. Revoking stops a link at once; its page then says it is no longer available.</p>
        {links.isPending && <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>}
        {links.isError && (
          <p role="alert" className="mt-6 text-sm text-red-600">
            Could not load your links: {links.error.message}
          </p>
        )}
        {links.isSuccess && rows.length === 0 && (
          <p className="mt-6 rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:text-zinc-400 dark:border-zinc-700">
            Nothing shared yet. Open a comparison and press Share.
          </p>
        )}
        {rows.length > 0 && (
          <>
            <table className="mt-5 hidden w-full text-left text-sm md:table">
              <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Conversation</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Created</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Expires</th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">Views</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {rows.map((link) => (
                  <tr key={link.id} className="align-middle">
                    <td className="max-w-xs py-2.5 pr-3">
                      <Title link={link} />
                    </td>
                    <td className="py-2.5 pr-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatDate(link.createdAt)}</td>
                    <td className="py-2.5 pr-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{expiryText(link)}</td>
                    <td className="py-2.5 pr-3 text-right tabular-nums">{link.viewCount}</td>
                    <td className="py-2.5 pr-3">
                      <LinkStatusBadge status={link.status} />
                    </td>
                    <td className="py-2.5">
                      <SharedLinkActions link={link} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul className="mt-4 space-y-3 md:hidden">
              {rows.map((link) => (
                <li key={link.id} className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
                  <div className="flex items-start justify-between gap-2">
                    <Title link={link} />
                    <LinkStatusBadge status={link.status} />
                  </div>
                  <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                    <Fact label="Created" value={formatDate(link.createdAt)} />
                    <Fact label="Expires" value={expiryText(link)} />
                    <Fact label="Views" value={String(link.viewCount)} />
                  </dl>
                  <div className="mt-2.5">
                    <SharedLinkActions link={link} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

function Title({ link }: { link: ShareLinkDto }) {
  return (
    <div className="min-w-0">
      <Link href={`/c/${encodeURIComponent(link.conversationId)}`} className="block truncate font-medium hover:underline">
        {link.title}
      </Link>
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">/share/{shortToken(link.token)}</span>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-zinc-700 dark:text-zinc-300">{value}</dd>
    </div>
  );
}
