/** Limits, rules and prices from shared/reference/lambda-facts.md (section in each comment). */
import { utcMs } from './timeFormat';

export const REGION_DEFAULT = 'us-east-1';
export const ACCOUNT_ID_DEFAULT = '123456789012';

// §7 limits
export const MEMORY_MIN_MB = 128;
export const MEMORY_MAX_MB = 10_240;
export const MEMORY_DEFAULT_MB = 128;
export const TIMEOUT_MIN_S = 1;
export const TIMEOUT_MAX_S = 900;
export const TIMEOUT_DEFAULT_S = 3;
export const EPHEMERAL_MIN_MB = 512;
export const EPHEMERAL_MAX_MB = 10_240;
export const ENV_VARS_MAX_BYTES = 4096;
export const LAYERS_MAX = 5;
export const ZIP_DIRECT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const UNZIPPED_MAX_BYTES = 262_144_000;
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024 * 1024;
export const FUNCTION_NAME_MAX = 64;
export const SYNC_PAYLOAD_MAX_BYTES = 6_291_456;
export const ASYNC_PAYLOAD_MAX_BYTES = 1_048_576;
export const SYNC_RESPONSE_MAX_BYTES = 6_291_556;
export const INIT_LIMIT_MS = 10_000;
/** §7: at 1,769 MB a function has one vCPU. */
export const ONE_VCPU_MEMORY_MB = 1769;

// §6 concurrency
export const ACCOUNT_CONCURRENCY_DEFAULT = 1000;
export const UNRESERVED_MIN = 100;
export const SCALING_ENVS_PER_WINDOW = 1000;
export const SCALING_WINDOW_MS = 10_000;

// §5.1 async
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
export const ASYNC_MAX_RETRY_ATTEMPTS_DEFAULT = 2;
export const ASYNC_MAX_EVENT_AGE_MIN_S = 60;
export const ASYNC_MAX_EVENT_AGE_MAX_S = 21_600;
export const THROTTLE_BACKOFF_START_MS = 1000;
export const THROTTLE_BACKOFF_MAX_MS = 300_000;

// §8 pricing (us-east-1)
export const PRICE_PER_REQUEST_USD = 0.2 / 1_000_000;
export const PRICE_GB_S_X86_USD = 0.0000166667;
export const PRICE_GB_S_ARM_USD = 0.0000133334;
export const FREE_TIER_REQUESTS = 1_000_000;
export const FREE_TIER_GB_S = 400_000;
/** UNCONFIRMED in the facts: labelled approximate wherever shown. */
export const PRICE_PC_GB_S_APPROX_USD = 0.0000041667;
export const PRICE_PC_DURATION_GB_S_APPROX_USD = 0.0000097222;
export const PC_BILLING_ROUNDING_MS = 300_000;
export const PRICE_EPHEMERAL_GB_S_APPROX_USD = 0.0000000309;
/**
 * SnapStart for Python (§8 says only "amounts UNCONFIRMED"): us-east-1 list prices as AWS published them in
 * Nov 2024, per GB-second of a cached snapshot (at least 3 hours per version) and per GB restored. Modeled.
 */
export const PRICE_SNAPSTART_CACHE_GB_S_APPROX_USD = 0.0000015046;
export const PRICE_SNAPSTART_RESTORE_GB_APPROX_USD = 0.0001397998;
export const SNAPSTART_CACHE_MIN_MS = 3 * 3_600_000;
/** §8: from this date the INIT phase of zip managed-runtime on-demand invokes is billed. */
export const INIT_BILLING_START_MS = utcMs(2025, 8, 1);

// §3.2 reserved environment variable names
export const RESERVED_ENV_KEYS: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);
