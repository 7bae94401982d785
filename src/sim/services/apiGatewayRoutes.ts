/** Route matching for REST API resources: literal parts, {param} and the greedy {proxy+}. */

export interface RouteMatch {
  readonly resourcePath: string;
  readonly pathParameters: Record<string, string> | null;
}

/** Match `/users/42/orders` against `/users/{id}/{proxy+}`; literal routes win over parameters. */
export function matchRoute(resourcePaths: readonly string[], path: string): RouteMatch | null {
  const parts = path.split('/').filter((p) => p !== '');
  let best: { score: number; match: RouteMatch } | null = null;
  for (const resourcePath of resourcePaths) {
    const pattern = resourcePath.split('/').filter((p) => p !== '');
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const seg = pattern[i]!;
      const greedy = /^\{(\w+)\+\}$/.exec(seg);
      if (greedy) {
        const rest = parts.slice(i);
        if (rest.length === 0) ok = false;
        else params[greedy[1]!] = rest.map(decodeURIComponent).join('/');
        score += 1;
        i = pattern.length;
        break;
      }
      const part = parts[i];
      if (part === undefined) {
        ok = false;
        break;
      }
      const param = /^\{(\w+)\}$/.exec(seg);
      if (param) {
        params[param[1]!] = decodeURIComponent(part);
        score += 10;
      } else if (seg === part) score += 100;
      else {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (!pattern.some((s) => s.endsWith('+}')) && pattern.length !== parts.length) continue;
    if (!best || score > best.score) {
      best = {
        score,
        match: { resourcePath, pathParameters: Object.keys(params).length > 0 ? params : null },
      };
    }
  }
  return best?.match ?? null;
}

/** `09/Apr/2015:12:34:56 +0000` from an ISO timestamp. */
export function clfTime(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${months[Number(m[2]) - 1]}/${m[1]}:${m[4]} +0000`;
}
