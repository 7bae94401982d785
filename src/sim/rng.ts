/** A seeded RNG (sfc32 seeded through splitmix32): the only source of chance in the sim. */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  between(min: number, max: number): number;
  /** Lowercase hex string of `chars` characters (a multiple of 8 is cheapest). */
  hex(chars: number): string;
  /** A UUID v4-shaped string. */
  uuid(): string;
}

const BYTE_HEX: readonly string[] = Array.from(
  { length: 256 },
  (_, i) => (i < 16 ? '0' : '') + i.toString(16),
);

function hex8(n: number): string {
  return (
    BYTE_HEX[n >>> 24]! + BYTE_HEX[(n >>> 16) & 0xff]! + BYTE_HEX[(n >>> 8) & 0xff]! + BYTE_HEX[n & 0xff]!
  );
}

export function createRng(seed: number): Rng {
  let sm = seed >>> 0;
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = (): number => nextU32() / 4294967296;
  const hex = (chars: number): string => {
    let out = '';
    while (out.length < chars) out += hex8(nextU32());
    return out.length === chars ? out : out.slice(0, chars);
  };
  return {
    nextU32,
    next,
    between: (min, max) => min + (max - min) * next(),
    hex,
    uuid: () => {
      const h = hex(32);
      // Version nibble 4 and variant bits 10xx make it RFC 4122 v4-shaped.
      const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
