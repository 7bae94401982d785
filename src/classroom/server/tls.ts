/**
 * `npm run classroom -- --https`: a self-signed certificate for this machine's addresses, so browsers on
 * the LAN get a secure context (cross-origin isolation, SharedArrayBuffer) after one certificate warning.
 * Node can read certificates but not issue them, so the system's `openssl` makes it; it is kept in a
 * folder and made again only when it no longer names every address or is about to expire.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Certificate {
  readonly key: string;
  readonly cert: string;
  /** SHA-256 fingerprint, as browsers show it, so students can check what they accept. */
  readonly fingerprint: string;
  /** Made by this call (false: the kept one still fits). */
  readonly made: boolean;
}

/** Where the certificate is valid: IP addresses and host names. */
export interface CertificateNames {
  readonly ips: readonly string[];
  readonly dns: readonly string[];
}

const DAYS = 30;
/** A certificate this close to its end is made again, so it never runs out during a lesson. */
const RENEW_MS = 2 * 24 * 3600_000;

export function subjectAltName(names: CertificateNames): string {
  return [...names.ips.map((ip) => `IP:${ip}`), ...names.dns.map((n) => `DNS:${n}`)].join(',');
}

/** The kept certificate when it names every address and (unless `now` is null) has days left; else null. */
function kept(keyPath: string, certPath: string, names: CertificateNames, now: number | null) {
  if (!existsSync(keyPath) || !existsSync(certPath)) return null;
  try {
    const cert = readFileSync(certPath, 'utf8');
    const x509 = new X509Certificate(cert);
    const san = (x509.subjectAltName ?? '').split(', ');
    const covers =
      names.ips.every((ip) => san.includes(`IP Address:${ip}`)) &&
      names.dns.every((n) => san.includes(`DNS:${n}`));
    if (!covers || (now !== null && Date.parse(x509.validTo) - now < RENEW_MS)) return null;
    return { key: readFileSync(keyPath, 'utf8'), cert, fingerprint: x509.fingerprint256 };
  } catch {
    return null;
  }
}

export function ensureCertificate(dir: string, names: CertificateNames, now = Date.now()): Certificate {
  const keyPath = join(dir, 'classroom-key.pem');
  const certPath = join(dir, 'classroom-cert.pem');
  const old = kept(keyPath, certPath, names, now);
  if (old) return { ...old, made: false };
  mkdirSync(dir, { recursive: true });
  // An EC key: made in milliseconds, and every current browser accepts it.
  const args = [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    String(DAYS),
    '-subj',
    '/CN=Lambda Lab classroom',
    '-addext',
    `subjectAltName=${subjectAltName(names)}`,
  ];
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? '--https needs the openssl command to make a certificate (Debian or Ubuntu: apt install openssl; macOS has it). Without --https the LAN link works over plain HTTP.'
        : `openssl could not make a certificate: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const made = kept(keyPath, certPath, names, null);
  if (!made)
    throw new Error(`openssl made a certificate in ${dir} that does not name ${subjectAltName(names)}`);
  return { ...made, made: true };
}
