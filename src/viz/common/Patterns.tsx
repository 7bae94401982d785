/** SVG patterns that carry meaning without colour: hatching for modeled parts, cross-hatching for errors. */

export function patternIds(prefix: string) {
  return { modeled: `${prefix}-modeled`, error: `${prefix}-error` };
}

export function Patterns({ prefix }: { readonly prefix: string }) {
  const ids = patternIds(prefix);
  return (
    <defs>
      <pattern
        id={ids.modeled}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="var(--panel)" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--viz-modeled)" strokeWidth="3" />
      </pattern>
      <pattern id={ids.error} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="var(--viz-bad)" />
        <path d="M0 0L6 6M6 0L0 6" stroke="var(--panel)" strokeWidth="1" />
      </pattern>
    </defs>
  );
}
