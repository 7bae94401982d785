/** The generators' only imports from the services folder (Biome's kernel rule flags `../`; these stay in src/sim). */
// biome-ignore lint/style/noRestrictedImports: ../json is inside src/sim.
export { base64Encode, type Json, type JsonObject, utf8Encode } from '../json';
// biome-ignore lint/style/noRestrictedImports: ../md5 is inside src/sim.
export { md5Hex } from '../md5';
