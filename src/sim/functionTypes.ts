/** Function, version, alias and layer shapes: commands take `*Input`, the world stores configurations. */
import type { FileTree } from './runtimePort';
import type { Architecture } from './runtimes';

export type PackageType = 'Zip' | 'Image';
export type LogFormat = 'Text' | 'JSON';

export interface CodeInput {
  readonly files?: FileTree;
  /** Uploaded (zipped) size; defaults to the files' UTF-8 size. */
  readonly zipSizeBytes?: number;
  /** Size once extracted; defaults to the files' UTF-8 size. */
  readonly unzippedSizeBytes?: number;
  readonly imageUri?: string;
  readonly imageSizeBytes?: number;
}

export interface VpcConfigInput {
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

/** Everything `updateFunctionConfiguration` may change; omitted fields keep their value. */
export interface FunctionConfigPatch {
  readonly runtime?: string;
  readonly handler?: string;
  readonly role?: string;
  readonly memorySize?: number;
  readonly timeout?: number;
  readonly ephemeralStorage?: { readonly size: number };
  readonly environment?: { readonly variables: Readonly<Record<string, string>> };
  readonly architectures?: readonly string[];
  readonly layers?: readonly string[];
  readonly vpcConfig?: VpcConfigInput;
  readonly deadLetterConfig?: { readonly targetArn: string };
  readonly snapStart?: { readonly applyOn: string };
  readonly loggingConfig?: { readonly logFormat?: string };
  readonly description?: string;
}

export interface CreateFunctionInput extends FunctionConfigPatch {
  readonly functionName: string;
  readonly role: string;
  readonly packageType?: PackageType;
  readonly code: CodeInput;
  readonly publish?: boolean;
}

export interface LayerVersion {
  readonly layerName: string;
  readonly version: number;
  readonly layerVersionArn: string;
  readonly files: FileTree;
  readonly unzippedSizeBytes: number;
  readonly compatibleRuntimes: readonly string[];
}

export interface PublishLayerVersionInput {
  readonly layerName: string;
  readonly files: FileTree;
  readonly unzippedSizeBytes?: number;
  readonly compatibleRuntimes?: readonly string[];
}

/** A resolved, validated configuration of `$LATEST` or of a published (immutable) version. */
export interface FunctionConfiguration {
  readonly functionName: string;
  readonly functionArn: string;
  readonly version: string;
  /** Bumped by every code or configuration change of `$LATEST`; environments are tied to one. */
  readonly revision: number;
  readonly runtime: string;
  readonly handler: string;
  readonly role: string;
  readonly memorySize: number;
  readonly timeout: number;
  readonly ephemeralStorageMb: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly architecture: Architecture;
  readonly packageType: PackageType;
  readonly code: FileTree;
  readonly codeSizeBytes: number;
  readonly unzippedSizeBytes: number;
  readonly imageUri: string | null;
  readonly layers: readonly LayerVersion[];
  readonly vpc: VpcConfigInput | null;
  readonly deadLetterTargetArn: string | null;
  readonly snapStartApplyOn: 'PublishedVersions' | 'None';
  readonly logFormat: LogFormat;
  readonly description: string;
}

export interface AliasRoutingConfig {
  /** At most one extra published version and the share (0-1) of requests it receives. */
  readonly additionalVersionWeights: Readonly<Record<string, number>>;
}

export interface AliasConfiguration {
  readonly name: string;
  readonly aliasArn: string;
  readonly functionVersion: string;
  readonly routingConfig: AliasRoutingConfig | null;
}

export interface DestinationConfigInput {
  readonly onSuccess?: { readonly destination: string };
  readonly onFailure?: { readonly destination: string };
}

export interface EventInvokeConfigInput {
  readonly maximumRetryAttempts?: number;
  readonly maximumEventAgeInSeconds?: number;
  readonly destinationConfig?: DestinationConfigInput;
}

export interface EventInvokeConfig {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeInSeconds: number;
  readonly onSuccess: string | null;
  readonly onFailure: string | null;
}
