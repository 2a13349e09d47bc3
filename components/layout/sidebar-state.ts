// Whether the desktop sidebar is collapsed, remembered in a cookie so the server draws the
// page the way it was left (no flash of the wrong layout on load).
export const SIDEBAR_COOKIE = "sy_sidebar";

export function sidebarCollapsedFromCookie(value: string | undefined): boolean {
  return value === "collapsed";
}

export function rememberSidebar(collapsed: boolean): void {
  document.cookie = `${SIDEBAR_COOKIE}=${collapsed ? "collapsed" : "open"}; path=/; max-age=31536000; samesite=lax`;
}
