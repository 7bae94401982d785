/**
 * Serves the built app (dist/) with the same cross-origin isolation headers as `vite preview`, so
 * Pyodide's SharedArrayBuffer works on every student's device, and the MIME types browsers insist on
 * for modules and WebAssembly. Paths cannot leave the folder; dotfiles are not served.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

/** The headers vite.config.ts sets for dev and preview. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.bin': 'application/octet-stream',
};

export const mimeType = (path: string): string =>
  MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** The file under `root` a URL path names, or null when it would escape or names a dotfile. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.some((p) => p.startsWith('.'))) return null;
  const base = resolve(root);
  const full = resolve(base, ...parts);
  return full === base || full.startsWith(base + sep) ? full : null;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** `path` is the request's already-parsed pathname. */
export async function serveStatic(
  root: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed\n');
  let file = resolveInside(root, path);
  if (file === null) return plain(res, 404, 'Not found\n');
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = resolve(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return plain(res, 404, 'Not found\n');
  const hashed = path.startsWith('/assets/');
  res.writeHead(200, {
    ...ISOLATION_HEADERS,
    'Content-Type': mimeType(file),
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    // Vite names assets by content hash; everything else may change with the next build.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  // pipeline closes the file when the client goes away mid-download (pipe would keep it open).
  pipeline(createReadStream(file), res, () => undefined);
}
