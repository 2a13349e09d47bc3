// Where Switchyard may send a provider request. Base URLs come from admins (Settings) and
// operators (the environment); a base URL aimed at the cloud's metadata service would hand
// whoever set it the machine's credentials. So link-local addresses and known metadata
// endpoints are refused, checked on the address actually connected to (a name that
// resolves there is refused too, whenever it resolves there). Loopback and private ranges
// stay allowed: that is where local models (Ollama, LM Studio, vLLM) live. Operators who do
// need such a host list it in OUTBOUND_ALLOW_HOSTS.
import dns, { type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { getEnv } from "../env";
import { addToList, listIncludes, plainAddress } from "../http/ip-address";

const BLOCKED_RANGES = [
  "169.254.0.0/16", // IPv4 link-local: AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack metadata (169.254.169.254)
  "fe80::/10", // IPv6 link-local
  "fd00:ec2::254", // AWS metadata over IPv6
  "100.100.100.200", // Alibaba Cloud metadata
  "192.0.0.192", // Oracle Cloud (legacy) metadata
  "168.63.129.16", // Azure's host endpoint (WireServer)
  "64:ff9b::a9fe:0/112", // 169.254.0.0/16 through NAT64
];

/** Names of metadata services, refused even before they resolve (and whatever they resolve to). */
const BLOCKED_NAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);

const blocked = new BlockList();
for (const range of BLOCKED_RANGES) addToList(blocked, range);

export const OUTBOUND_BLOCKED = "EOUTBOUNDBLOCKED";

/** A connection the policy refused; its message is ours (safe to show), naming the override. */
export class OutboundBlockedError extends Error {
  readonly code = OUTBOUND_BLOCKED;
  constructor(target: string) {
    super(`${target} is a link-local or cloud metadata address, which Switchyard does not call (an operator can allow it with OUTBOUND_ALLOW_HOSTS)`);
    this.name = "OutboundBlockedError";
  }
}

let allowedFor: ReturnType<typeof getEnv> | undefined;
let allowed = { addresses: new BlockList(), names: new Set<string>() };

/** OUTBOUND_ALLOW_HOSTS: addresses and CIDR ranges, or host names, exempt from the policy. */
function allowList() {
  const env = getEnv();
  if (allowedFor !== env) {
    allowed = { addresses: new BlockList(), names: new Set() };
    for (const entry of (env.OUTBOUND_ALLOW_HOSTS ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
      if (!addToList(allowed.addresses, entry)) allowed.names.add(normaliseName(entry));
    }
    allowedFor = env;
  }
  return allowed;
}

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** The host of a URL or connection, by name or literal address: the refusal, or null when it may be called (names are checked again once resolved). */
export function refusalForHost(host: string): OutboundBlockedError | null {
  const plain = plainAddress(host);
  if (isIP(plain)) return refusalForAddress(plain);
  const name = normaliseName(plain);
  if (BLOCKED_NAMES.has(name) && !allowList().names.has(name)) return new OutboundBlockedError(name);
  return null;
}

/** A resolved (or literal) address, as connected to. */
export function refusalForAddress(address: string, hostname?: string): OutboundBlockedError | null {
  if (!listIncludes(blocked, address)) return null;
  const exempt = allowList();
  if (listIncludes(exempt.addresses, address) || (hostname !== undefined && exempt.names.has(normaliseName(hostname)))) return null;
  return new OutboundBlockedError(hostname && hostname !== address ? `${hostname} (${address})` : address);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup for net.connect that fails when any address the name resolves to is refused. */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, options.all ? [] : "", undefined);
    for (const { address } of addresses) {
      const refusal = refusalForAddress(address, hostname);
      if (refusal) return callback(refusal, options.all ? [] : "", undefined);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}
