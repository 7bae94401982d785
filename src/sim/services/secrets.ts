/** Secrets Manager (GetSecretValue) and SSM Parameter Store (GetParameter(s) with decryption). */
import type { Hub } from './hub';
import { type JsonObject, optArr, optBool, optStr, str, timestamp } from './json';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';

interface Secret {
  readonly name: string;
  readonly arn: string;
  value: string;
  versionId: string;
  createdAt: number;
}

interface Parameter {
  readonly name: string;
  readonly type: 'String' | 'StringList' | 'SecureString';
  value: string;
  version: number;
  modifiedAt: number;
}

export interface Secrets {
  readonly secretsModule: ServiceModule;
  readonly ssmModule: ServiceModule;
}

export function createSecrets(hub: Hub): Secrets {
  const secrets = new Map<string, Secret>();
  const params = new Map<string, Parameter>();
  const secretArnFor = (name: string): string =>
    `arn:aws:secretsmanager:${hub.region}:${hub.accountId}:secret:${name}`;
  const findSecret = (id: string): Secret => {
    const s = secrets.get(id) ?? [...secrets.values()].find((x) => x.arn === id);
    if (!s)
      throw serviceError(
        'ResourceNotFoundException',
        "Secrets Manager can't find the specified secret.",
        400,
      );
    return s;
  };
  const secretResource = (p: JsonObject): string => {
    const id = str(p, 'SecretId');
    return id.startsWith('arn:') ? id : (secrets.get(id)?.arn ?? `${secretArnFor(id)}-??????`);
  };
  const sm = (action: string, run: Operation['run']): Operation => ({
    action: `secretsmanager:${action}`,
    resource: secretResource,
    run,
  });
  const secretsModule: ServiceModule = {
    name: 'secretsmanager',
    denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
    operations: {
      CreateSecret: {
        action: 'secretsmanager:CreateSecret',
        resource: (p) => `${secretArnFor(str(p, 'Name'))}-??????`,
        run: (p, c) => {
          const name = str(p, 'Name');
          if (secrets.has(name))
            throw serviceError(
              'ResourceExistsException',
              `The operation failed because the secret ${name} already exists.`,
              400,
            );
          // AWS appends six random characters to a secret's ARN.
          const s: Secret = {
            name,
            arn: `${secretArnFor(name)}-${hub.ctx.rng.hex(6)}`,
            value: optStr(p, 'SecretString') ?? '',
            versionId: hub.ctx.rng.uuid(),
            createdAt: c.nowMs,
          };
          secrets.set(name, s);
          return { ARN: s.arn, Name: name, VersionId: s.versionId };
        },
      },
      PutSecretValue: sm('PutSecretValue', (p) => {
        const s = findSecret(str(p, 'SecretId'));
        s.value = str(p, 'SecretString');
        s.versionId = hub.ctx.rng.uuid();
        return { ARN: s.arn, Name: s.name, VersionId: s.versionId, VersionStages: ['AWSCURRENT'] };
      }),
      GetSecretValue: sm('GetSecretValue', (p) => {
        const s = findSecret(str(p, 'SecretId'));
        return {
          ARN: s.arn,
          Name: s.name,
          VersionId: s.versionId,
          SecretString: s.value,
          VersionStages: ['AWSCURRENT'],
          CreatedDate: timestamp(s.createdAt),
        };
      }),
    },
  };

  const paramArn = (p: JsonObject): string => {
    const name = str(p, 'Name');
    return `arn:aws:ssm:${hub.region}:${hub.accountId}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
  };
  const paramJson = (x: Parameter, decrypt: boolean): JsonObject => ({
    Name: x.name,
    Type: x.type,
    // Without decryption a SecureString comes back as its (modeled) ciphertext.
    Value: x.type === 'SecureString' && !decrypt ? `AQICAHg${hub.ctx.rng.hex(24)}` : x.value,
    Version: x.version,
    LastModifiedDate: timestamp(x.modifiedAt),
    ARN: `arn:aws:ssm:${hub.region}:${hub.accountId}:parameter${x.name.startsWith('/') ? '' : '/'}${x.name}`,
    DataType: 'text',
  });
  const ssmModule: ServiceModule = {
    name: 'ssm',
    denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
    operations: {
      PutParameter: {
        action: 'ssm:PutParameter',
        resource: paramArn,
        run: (p, c) => {
          const name = str(p, 'Name');
          const old = params.get(name);
          if (old && !optBool(p, 'Overwrite')) {
            throw serviceError(
              'ParameterAlreadyExists',
              'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
              400,
            );
          }
          const type = (optStr(p, 'Type') ?? old?.type ?? 'String') as Parameter['type'];
          const x: Parameter = {
            name,
            type,
            value: str(p, 'Value'),
            version: (old?.version ?? 0) + 1,
            modifiedAt: c.nowMs,
          };
          params.set(name, x);
          return { Version: x.version, Tier: 'Standard' };
        },
      },
      GetParameter: {
        action: 'ssm:GetParameter',
        resource: paramArn,
        run: (p) => {
          const x = params.get(str(p, 'Name'));
          if (!x) throw serviceError('ParameterNotFound', '', 400);
          return { Parameter: paramJson(x, optBool(p, 'WithDecryption') ?? false) };
        },
      },
      GetParameters: {
        action: 'ssm:GetParameters',
        resource: (p) =>
          `arn:aws:ssm:${hub.region}:${hub.accountId}:parameter/${String((optArr(p, 'Names') ?? [])[0] ?? '*').replace(/^\//, '')}`,
        run: (p) => {
          const names = (optArr(p, 'Names') ?? []).map(String);
          const decrypt = optBool(p, 'WithDecryption') ?? false;
          return {
            Parameters: names.flatMap((n) => (params.has(n) ? [paramJson(params.get(n)!, decrypt)] : [])),
            InvalidParameters: names.filter((n) => !params.has(n)),
          };
        },
      },
    },
  };
  return { secretsModule, ssmModule };
}
