/**
 * Request targets and Host names. A path is read without ever throwing (`GET //` or `GET http://[/`
 * must not end the process), and only the names the relay printed are served: a page on another
 * site whose name was re-pointed at this machine (DNS rebinding) sends its own name and is refused.
 */
import { networkInterfaces } from 'node:os';

/** The path and query of an origin-form request target (`/x?y`), or null for anything else. */
export function requestTarget(raw: string | undefined): { path: string; search: string } | null {
  if (raw === undefined || !raw.startsWith('/')) return null;
  try {
    // Joined to a fixed origin as text, never resolved against one: `//host/x` stays a path.
    const url = new URL(`http://relay.invalid${raw}`);
    if (url.host !== 'relay.invalid') return null;
    return { path: url.pathname, search: url.search };
  } catch {
    return null;
  }
}

/** `[::1]:4180` -> `[::1]`, `Lab.Test:80` -> `lab.test`; null when there is no usable name. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : null;
  }
  const name = h.split(':')[0] ?? '';
  return name === '' ? null : name;
}

/** This machine's own addresses (IPv6 in brackets, as in a Host header). */
function interfaceNames(): string[] {
  const names: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
  return names;
}

/**
 * Decides whether a Host header names this relay: localhost, loopback, the machine's addresses (read
 * again every few seconds: Wi-Fi may change), the bound address and the names given with --host-name.
 */
export function createHostCheck(extra: readonly string[], bound: string | undefined, now = Date.now) {
  const fixed = new Set(['localhost', '127.0.0.1', '[::1]', ...extra.map((n) => n.toLowerCase())]);
  if (bound && bound !== '0.0.0.0' && bound !== '::') fixed.add(bound.includes(':') ? `[${bound}]` : bound);
  let known = new Set<string>();
  let readAt = -Infinity;
  return (header: string | undefined): boolean => {
    const name = hostName(header);
    if (name === null) return false;
    if (fixed.has(name)) return true;
    if (now() - readAt > 5000) {
      known = new Set(interfaceNames());
      readAt = now();
    }
    return known.has(name);
  };
}
