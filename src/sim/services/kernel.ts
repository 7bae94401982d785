/**
 * The one door from services/ into the kernel's public surface. Biome's src/sim rule forbids `../` imports
 * (meant for leaving src/sim); these stay inside it, so each is allowed here once instead of everywhere.
 */
// biome-ignore lint/style/noRestrictedImports: src/sim/index.ts is inside the kernel.
export * from '../index';
// biome-ignore lint/style/noRestrictedImports: src/sim/limits.ts is inside the kernel.
export { ACCOUNT_ID_DEFAULT, ASYNC_PAYLOAD_MAX_BYTES, REGION_DEFAULT } from '../limits';
