/**
 * Test events shared as a link: the event's name and JSON travel in the URL fragment (never sent to a
 * server), base64url-encoded UTF-8. Opening the link adds the event to the active function.
 */
export const SHARE_PARAM = 'event';
/** Links longer than this break in chat tools and some browsers; such events are better exported. */
export const MAX_SHARE_CHARS = 16_000;

export interface SharedEvent {
  readonly name: string;
  readonly json: string;
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

export function shareLink(
  location: string,
  event: SharedEvent,
): { ok: true; url: string } | { ok: false; reason: string } {
  const payload = toBase64Url(new TextEncoder().encode(JSON.stringify({ n: event.name, j: event.json })));
  const url = `${location.split('#')[0]}#${SHARE_PARAM}=${payload}`;
  if (url.length > MAX_SHARE_CHARS)
    return {
      ok: false,
      reason: `This event makes a ${url.length.toLocaleString('en-US')}-character link, too long to share safely; export the workspace instead.`,
    };
  return { ok: true, url };
}

/** Reads a shared event from a URL fragment; null when there is none, a reason when it is damaged. */
export function readSharedEvent(hash: string): SharedEvent | { error: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(SHARE_PARAM);
  if (payload === null) return null;
  try {
    const data: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(payload)),
    );
    if (
      typeof data === 'object' &&
      data !== null &&
      'n' in data &&
      'j' in data &&
      typeof data.n === 'string' &&
      typeof data.j === 'string'
    )
      return { name: data.n, json: data.j };
  } catch {
    // Falls through to the message below: a cut or edited link.
  }
  return {
    error: 'The shared test event in this link is damaged (was the link cut short?), so it was not added.',
  };
}
