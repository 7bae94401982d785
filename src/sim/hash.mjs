// FNV-1a, the lab's one non-cryptographic hash. Plain JavaScript so that Node scripts (the snapshot builder)
// share it with the kernel, the runtime engine and the views; types are in hash.d.mts.

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units; another `basis` gives an independent round. */
export function fnv1a(text, basis = FNV_BASIS) {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** A repeatable number in [0, 1) for an id: FNV-1a plus a final avalanche, so ids differing at the end land far apart. */
export function unitHash(text) {
  let h = fnv1a(text);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296;
}

/** 64 bits as 16 hex characters: an FNV-1a lane beside a lane with a second prime, for cache keys. */
export function digest64Hex(text) {
  let a = FNV_BASIS;
  let b = FNV_PRIME;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
