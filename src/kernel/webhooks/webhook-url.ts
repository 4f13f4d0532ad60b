/**
 * Where webhooks may be sent. A webhook makes the platform send requests to an address an
 * administrator typed, so the rule guards against reaching what only the platform can reach
 * (server-side request forgery):
 *
 * - `https:` to a public host is always allowed.
 * - Loopback and private-network hosts (127/8, 10/8, 172.16/12, 192.168/16, 100.64/10,
 *   ::1, fc00::/7, `localhost`) only when WEBHOOK_ALLOW_PRIVATE_NETWORK is set — over `http:`
 *   or `https:`, since an internal back office often has no certificate. Plain `http:` is
 *   never allowed to a public host: the body would cross the internet readable.
 * - Link-local (169.254/16, the cloud metadata address; fe80::/10), unspecified, multicast
 *   and reserved addresses never.
 * - No user name or password in the URL (it is shown in lists), no fragment.
 *
 * A host name is checked again when each request is made, on the addresses it resolves to
 * then (`guardedLookup`), so a name that later points inside the network is refused too.
 */
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';

export type AddressClass = 'public' | 'private' | 'forbidden';

export type UrlProblem =
  | 'invalid'
  | 'scheme'
  | 'credentials'
  | 'forbidden_address'
  | 'private_address'
  | 'insecure_public';

export interface UrlPolicy {
  allowPrivateNetwork: boolean;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: UrlProblem };

const privateRanges = new net.BlockList();
privateRanges.addSubnet('127.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4');
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4');
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4');
privateRanges.addAddress('::1', 'ipv6');
privateRanges.addSubnet('fc00::', 7, 'ipv6');

const forbiddenRanges = new net.BlockList();
forbiddenRanges.addSubnet('0.0.0.0', 8, 'ipv4');
forbiddenRanges.addSubnet('169.254.0.0', 16, 'ipv4');
forbiddenRanges.addSubnet('224.0.0.0', 4, 'ipv4');
forbiddenRanges.addSubnet('240.0.0.0', 4, 'ipv4');
forbiddenRanges.addAddress('::', 'ipv6');
forbiddenRanges.addSubnet('fe80::', 10, 'ipv6');
forbiddenRanges.addSubnet('ff00::', 8, 'ipv6');

/** Class of an IP address; IPv4-mapped IPv6 addresses are judged by their IPv4 part. */
export function classifyAddress(address: string): AddressClass {
  const family = net.isIP(address);
  if (family === 0) return 'forbidden';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (forbiddenRanges.check(address, type)) return 'forbidden';
  if (privateRanges.check(address, type)) return 'private';
  return 'public';
}

/** The host as an address class, or 'name' when only DNS can tell. */
function hostClass(url: URL): AddressClass | 'name' {
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (net.isIP(host)) return classifyAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'private';
  return 'name';
}

export function checkWebhookUrl(raw: string, policy: UrlPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  if (url.hostname === '' || url.hash !== '') return { ok: false, reason: 'invalid' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  const host = hostClass(url);
  if (host === 'forbidden') return { ok: false, reason: 'forbidden_address' };
  if (host === 'private' && !policy.allowPrivateNetwork) {
    return { ok: false, reason: 'private_address' };
  }
  if (url.protocol === 'http:') {
    if (!policy.allowPrivateNetwork) return { ok: false, reason: 'insecure_public' };
    // A name over http is accepted here and must resolve to private addresses when used.
    if (host === 'public') return { ok: false, reason: 'insecure_public' };
  }
  return { ok: true, url };
}

/** Whether a resolved address may be connected to for `url` under `policy`. */
export function addressProblem(address: string, url: URL, policy: UrlPolicy): UrlProblem | null {
  const kind = classifyAddress(address);
  if (kind === 'forbidden') return 'forbidden_address';
  if (kind === 'private' && !policy.allowPrivateNetwork) return 'private_address';
  if (kind === 'public' && url.protocol === 'http:') return 'insecure_public';
  return null;
}

/**
 * A DNS lookup for node:http that refuses to connect when any resolved address breaks the
 * rule: checking at connection time closes the gap between a check and a later lookup.
 */
export function guardedLookup(url: URL, policy: UrlPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      for (const entry of addresses) {
        const problem = addressProblem(entry.address, url, policy);
        if (problem) {
          callback(
            new Error(
              `${hostname} resolves to ${entry.address}, which is not allowed (${problem})`,
            ),
            '',
            0,
          );
          return;
        }
      }
      if (options.all) {
        (callback as unknown as (err: null, all: dns.LookupAddress[]) => void)(null, addresses);
      } else {
        const first = addresses[0];
        if (!first) callback(new Error(`${hostname} has no address`), '', 0);
        else callback(null, first.address, first.family);
      }
    });
  };
}
