/**
 * Validation of function configurations with AWS's error names and messages. Constraint violations
 * (ranges, patterns, enums) are collected into one ValidationException as AWS does; semantic rules
 * (reserved keys, sizes, incompatible options) raise InvalidParameterValueException.
 */
import { type AwsError, type ConstraintViolation, validationError } from './awsErrors';
import type { CodeInput, FunctionConfigPatch, LayerVersion, PackageType } from './functionTypes';
import * as L from './limits';
import { DEPRECATED_RUNTIMES, RUNTIME_IDS, runtimeProfile } from './runtimes';
import { utf8Length } from './utf8';

export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9-_]+$/;
const ROLE_PATTERN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const HANDLER_PATTERN = /^[^\s]+$/;
const ENV_KEY_PATTERN = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
const LAYER_ARN_PATTERN = /^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+$/;
const SUBNET_PATTERN = /^subnet-[0-9a-z]+$/;
const SG_PATTERN = /^sg-[0-9a-z]+$/;
const DLQ_PATTERN = /^arn:(aws[a-zA-Z-]*)?:(sqs|sns):[a-z0-9-]+:\d{12}:[a-zA-Z0-9-_.]+$/;

export interface ConfigCandidate extends FunctionConfigPatch {
  readonly functionName: string;
  readonly packageType: PackageType;
  readonly code: CodeInput;
}

function invalid(message: string): AwsError {
  return { name: 'InvalidParameterValueException', message, httpStatus: 400 };
}

function range(
  out: ConstraintViolation[],
  field: string,
  v: number | undefined,
  min: number,
  max: number,
): void {
  if (v === undefined) return;
  if (v < min)
    out.push({
      field,
      value: String(v),
      constraint: `Member must have value greater than or equal to ${min}`,
    });
  else if (v > max)
    out.push({ field, value: String(v), constraint: `Member must have value less than or equal to ${max}` });
}

function pattern(out: ConstraintViolation[], field: string, v: string | undefined, re: RegExp): void {
  if (v !== undefined && !re.test(v)) {
    const source = re.source.slice(1, -1);
    out.push({ field, value: v, constraint: `Member must satisfy regular expression pattern: ${source}` });
  }
}

function enumOf(
  out: ConstraintViolation[],
  field: string,
  v: string | undefined,
  values: readonly string[],
): void {
  if (v !== undefined && !values.includes(v)) {
    out.push({ field, value: v, constraint: `Member must satisfy enum value set: [${values.join(', ')}]` });
  }
}

function constraintViolations(c: ConfigCandidate): ConstraintViolation[] {
  const out: ConstraintViolation[] = [];
  const name = c.functionName;
  if (name.length > L.FUNCTION_NAME_MAX) {
    out.push({
      field: 'functionName',
      value: name,
      constraint: 'Member must have length less than or equal to 64',
    });
  } else if (name.length === 0) {
    out.push({
      field: 'functionName',
      value: name,
      constraint: 'Member must have length greater than or equal to 1',
    });
  } else pattern(out, 'functionName', name, FUNCTION_NAME_PATTERN);
  enumOf(out, 'runtime', DEPRECATED_RUNTIMES.has(c.runtime ?? '') ? undefined : c.runtime, RUNTIME_IDS);
  if (c.handler !== undefined && c.handler.length > 128) {
    out.push({
      field: 'handler',
      value: c.handler,
      constraint: 'Member must have length less than or equal to 128',
    });
  } else pattern(out, 'handler', c.handler, HANDLER_PATTERN);
  pattern(out, 'role', c.role, ROLE_PATTERN);
  range(out, 'memorySize', c.memorySize, L.MEMORY_MIN_MB, L.MEMORY_MAX_MB);
  range(out, 'timeout', c.timeout, L.TIMEOUT_MIN_S, L.TIMEOUT_MAX_S);
  range(out, 'ephemeralStorage.size', c.ephemeralStorage?.size, L.EPHEMERAL_MIN_MB, L.EPHEMERAL_MAX_MB);
  const arch = c.architectures;
  if (arch !== undefined && arch.length !== 1) {
    const constraint = `Member must have length ${arch.length === 0 ? 'greater than or equal to 1' : 'less than or equal to 1'}`;
    out.push({ field: 'architectures', value: `[${arch.join(', ')}]`, constraint });
  } else enumOf(out, 'architectures.1.member', arch?.[0], ['x86_64', 'arm64']);
  const vars = c.environment?.variables ?? {};
  const badKeys = Object.keys(vars).filter((k) => !ENV_KEY_PATTERN.test(k));
  if (badKeys.length > 0) {
    out.push({
      field: 'environment.variables',
      value: `{${badKeys.join(', ')}}`,
      constraint:
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]',
    });
  }
  for (const [i, arn] of (c.layers ?? []).entries()) {
    pattern(out, `layers.${i + 1}.member`, arn, LAYER_ARN_PATTERN);
  }
  const vpc = c.vpcConfig;
  if (vpc !== undefined) {
    if (vpc.subnetIds.length > 16) {
      out.push({
        field: 'vpcConfig.subnetIds',
        value: String(vpc.subnetIds.length),
        constraint: 'Member must have length less than or equal to 16',
      });
    }
    if (vpc.securityGroupIds.length > 5) {
      out.push({
        field: 'vpcConfig.securityGroupIds',
        value: String(vpc.securityGroupIds.length),
        constraint: 'Member must have length less than or equal to 5',
      });
    }
    for (const [i, id] of vpc.subnetIds.entries()) {
      pattern(out, `vpcConfig.subnetIds.${i + 1}.member`, id, SUBNET_PATTERN);
    }
    for (const [i, id] of vpc.securityGroupIds.entries()) {
      pattern(out, `vpcConfig.securityGroupIds.${i + 1}.member`, id, SG_PATTERN);
    }
  }
  pattern(out, 'deadLetterConfig.targetArn', c.deadLetterConfig?.targetArn || undefined, DLQ_PATTERN);
  enumOf(out, 'snapStart.applyOn', c.snapStart?.applyOn, ['PublishedVersions', 'None']);
  enumOf(out, 'loggingConfig.logFormat', c.loggingConfig?.logFormat, ['JSON', 'Text']);
  if (c.description !== undefined && c.description.length > 256) {
    out.push({
      field: 'description',
      value: c.description,
      constraint: 'Member must have length less than or equal to 256',
    });
  }
  return out;
}

function wholeNumbers(c: ConfigCandidate): AwsError | null {
  const checks: [string, number | undefined][] = [
    ['MemorySize', c.memorySize],
    ['Timeout', c.timeout],
    ['EphemeralStorage.Size', c.ephemeralStorage?.size],
  ];
  for (const [field, v] of checks) {
    if (v !== undefined && !Number.isInteger(v)) return invalid(`${field} must be a whole number, got ${v}.`);
  }
  return null;
}

/** Size of the environment as AWS measures it: the variables map serialized as JSON. */
export function environmentJson(vars: Readonly<Record<string, string>>): string {
  return JSON.stringify(vars);
}

export interface ValidatedExtras {
  readonly layers: readonly LayerVersion[];
}

/** Validate a fully merged candidate; `findLayer` resolves versioned layer ARNs. */
export function validateCandidate(
  c: ConfigCandidate,
  findLayer: (arn: string) => LayerVersion | undefined,
): AwsError | ValidatedExtras {
  const whole = wholeNumbers(c);
  if (whole) return whole;
  const violations = constraintViolations(c);
  if (violations.length > 0) {
    const r = validationError<never>(violations);
    if (!r.ok) return r.error;
  }
  if (c.runtime !== undefined && DEPRECATED_RUNTIMES.has(c.runtime)) {
    return invalid(
      `The runtime parameter of ${c.runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
    );
  }
  const image = c.packageType === 'Image';
  if (image && (c.runtime !== undefined || c.handler !== undefined)) {
    return invalid(
      'Runtime and Handler are not supported for functions created with the Image package type.',
    );
  }
  if (image && (c.layers ?? []).length > 0) {
    return invalid('Layers are not supported for functions created with the Image package type.');
  }
  if (!image && (c.runtime === undefined || c.handler === undefined)) {
    return invalid(
      'Runtime and Handler are mandatory parameters for functions created with deployment packages.',
    );
  }
  const vars = c.environment?.variables ?? {};
  const reserved = Object.keys(vars).filter((k) => L.RESERVED_ENV_KEYS.has(k));
  if (reserved.length > 0) {
    return invalid(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const envJson = environmentJson(vars);
  if (utf8Length(envJson) > L.ENV_VARS_MAX_BYTES) {
    return invalid(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${envJson}`,
    );
  }
  const arns = c.layers ?? [];
  if (arns.length > L.LAYERS_MAX) {
    return invalid(
      `Layers: cannot reference more than ${L.LAYERS_MAX} layers; this request references ${arns.length}.`,
    );
  }
  const layers: LayerVersion[] = [];
  const names = new Set<string>();
  for (const arn of arns) {
    const layer = findLayer(arn);
    if (!layer) return invalid(`Layer version ${arn} does not exist.`);
    if (names.has(layer.layerName)) {
      return invalid(
        `Two different versions of the same layer are not allowed to be referenced in the same function. ${layer.layerName} is referenced more than once.`,
      );
    }
    names.add(layer.layerName);
    layers.push(layer);
  }
  const code = c.code;
  if (image) {
    if (!code.imageUri)
      return invalid('Code.ImageUri is required for functions with the Image package type.');
    if ((code.imageSizeBytes ?? 0) > L.IMAGE_MAX_BYTES) {
      return invalid(`Code.ImageUri: image size must be smaller than ${L.IMAGE_MAX_BYTES} bytes (10 GB).`);
    }
  } else {
    const zip = code.zipSizeBytes ?? filesSize(code);
    if (zip > L.ZIP_DIRECT_UPLOAD_MAX_BYTES) {
      return {
        name: 'RequestEntityTooLargeException',
        message: 'Request must be smaller than 70167211 bytes for the CreateFunction operation',
        httpStatus: 413,
      };
    }
    const unzipped =
      (code.unzippedSizeBytes ?? filesSize(code)) + layers.reduce((s, l) => s + l.unzippedSizeBytes, 0);
    if (unzipped > L.UNZIPPED_MAX_BYTES) {
      return invalid(`Unzipped size must be smaller than ${L.UNZIPPED_MAX_BYTES} bytes`);
    }
  }
  if (c.snapStart?.applyOn === 'PublishedVersions') {
    const runtime = c.runtime ?? '';
    if (image || !runtimeProfile(runtime)?.snapStart) {
      return invalid(`${image ? 'Image' : runtime} is not supported for SnapStart enabled functions.`);
    }
    if ((c.ephemeralStorage?.size ?? L.EPHEMERAL_MIN_MB) > L.EPHEMERAL_MIN_MB) {
      return invalid(
        'SnapStart is not supported for functions with EphemeralStorage.Size greater than 512 MB.',
      );
    }
  }
  return { layers };
}

export function filesSize(code: CodeInput): number {
  let n = 0;
  for (const text of Object.values(code.files ?? {})) n += utf8Length(text);
  return n;
}
