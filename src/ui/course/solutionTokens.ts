/** futurecoder-style token-by-token reveal: words show in order, the rest stay masked in place. */

/** Tokens are runs of non-space characters; spaces and line breaks stay, so the shape shows. */
export function tokenCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

export function maskSolution(text: string, shown: number): string {
  let seen = 0;
  return text.replace(/\S+/g, (token) => (seen++ < shown ? token : '·'.repeat(token.length)));
}
