/**
 * Renders the boto3 shim's `botocore/lab_specs.py` from the operation model (src/sim/services/model), so the
 * Python shim and the TS services read one source. scripts/genShimSpecs.mjs writes it; shimSpecs.test.ts
 * fails while the checked-in file differs from a fresh rendering.
 */
import {
  AWS_MODEL,
  PARAM_TYPES,
  PYTHON_TYPE_NAMES,
  type ServiceModel,
} from '../sim/services/model/operationModel';

export const SHIM_SPECS_PATH = 'src/runtime/py/shim/botocore/lab_specs.py';

const q = (s: string): string => JSON.stringify(s);

function pyTuple(items: readonly string[]): string {
  return items.length === 1 ? `(${q(items[0] ?? '')},)` : `(${items.map(q).join(', ')})`;
}

/** The members as the shim reads them: `Name:type` with `!` for required (it does not care what the lab ignores). */
function spec(params: ServiceModel['operations'][number]['params']): string {
  return params.map((p) => `${p.name}:${p.type}${p.required ? '!' : ''}`).join(' ');
}

export function renderShimSpecs(model: readonly ServiceModel[] = AWS_MODEL): string {
  const lines: string[] = [
    '"""GENERATED from src/sim/services/model/awsModel.ts by `node scripts/genShimSpecs.mjs`: edit the model, not this file.',
    '',
    "The boto3 shim's operation model: each service's client class name, its operations' top-level input",
    "members (name:type, '!' marks a required one), the blob outputs returned as a StreamingBody, and the",
    'services whose endpoint_url the sim needs.',
    '',
    'Types: s string, i integer, n float, B boolean, b blob, l list, m map, S structure, t timestamp, x str or dict.',
    '"""',
    '',
    'SERVICE_IDS = {',
    ...model.map((s) => `    ${q(s.name)}: ${q(s.id)},`),
    '}',
    '',
    `ENDPOINT_SERVICES = {${model
      .filter((s) => s.endpoint)
      .map((s) => q(s.name))
      .join(', ')}}`,
    '',
    'STREAMING = {',
    ...model.flatMap((s) =>
      s.operations
        .filter((o) => o.streaming)
        .map((o) => `    (${q(s.name)}, ${q(o.name)}): ${q(o.streaming ?? '')},`),
    ),
    '}',
    '',
    '_SPECS = {',
    ...model.flatMap((s) => [
      `    ${q(s.name)}: {`,
      ...s.operations.map((o) => `        ${q(o.name)}: ${q(spec(o.params))},`),
      '    },',
    ]),
    '}',
    '',
    '_TYPE_NAMES = {',
    ...PARAM_TYPES.map((t) => `    ${q(t)}: ${pyTuple(PYTHON_TYPE_NAMES[t])},`),
    '}',
    '',
    '',
    'def parse(spec):',
    '    members = {}',
    '    for part in spec.split():',
    '        name, kind = part.split(":")',
    '        members[name] = (kind.rstrip("!"), kind.endswith("!"))',
    '    return members',
    '',
    '',
    'SPECS = {service: {op: parse(s) for op, s in ops.items()} for service, ops in _SPECS.items()}',
    '',
    '',
    'def type_names(kind):',
    '    return _TYPE_NAMES[kind]',
    '',
  ];
  return lines.join('\n');
}
