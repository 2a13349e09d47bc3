// IP addresses and lists of them (TRUSTED_PROXY, OUTBOUND_ALLOW_HOSTS, the outbound policy's
// blocked ranges). Matching is node:net's BlockList, which also matches IPv4-mapped IPv6.
import { BlockList, isIP } from "node:net";

/** "::ffff:10.0.0.1" → "10.0.0.1", "[::1]" → "::1": one spelling per address for keys and messages. */
export function plainAddress(address: string): string {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1] : bare.toLowerCase();
}

export function familyOf(address: string): "ipv4" | "ipv6" | null {
  const version = isIP(address);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

export function listIncludes(list: BlockList, address: string): boolean {
  const plain = plainAddress(address);
  const family = familyOf(plain);
  return family !== null && list.check(plain, family);
}

/** Adds "10.0.0.0/8" or "127.0.0.1" to a list; false when the entry is neither. */
export function addToList(list: BlockList, entry: string): boolean {
  const [address, bits, extra] = entry.trim().split("/");
  const plain = plainAddress(address ?? "");
  const family = familyOf(plain);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) {
    list.addAddress(plain, family);
    return true;
  }
  const prefix = Number(bits);
  if (!/^\d+$/.test(bits) || prefix > (family === "ipv4" ? 32 : 128)) return false;
  list.addSubnet(plain, prefix, family);
  return true;
}

/** A comma-separated list of addresses and CIDR ranges from configuration; a bad entry throws, naming the variable. */
export function parseAddressList(text: string, variable: string): BlockList {
  const list = new BlockList();
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
    if (!addToList(list, entry)) throw new Error(`${variable}: "${entry}" is not an IP address or CIDR range (like 10.0.0.0/8)`);
  }
  return list;
}

/**
 * The unit a client is counted by: its IPv4 address, or its IPv6 /64 (one subscriber gets a
 * whole /64, so counting single IPv6 addresses would let one client count as billions).
 */
export function clientGroupOf(address: string): string {
  const plain = plainAddress(address);
  if (familyOf(plain) !== "ipv6") return plain;
  return `${expandIpv6(plain).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const zeros = Array(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((part) => part.replace(/^0+(?=.)/, ""));
}
