/**
 * The what-if configurations side by side (two or three): one row per setting that changes a cold start,
 * one column per configuration, each control labelled with its setting and its side.
 */
import type { WhatIfConfig } from '../../viz';

const MEMORY = [128, 256, 512, 1024, 1769, 2048, 3008, 10_240];

type Field =
  | { readonly kind: 'select'; readonly options: readonly (string | number)[]; readonly unit?: string }
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly whole: boolean }
  | { readonly kind: 'check' };

interface Row {
  readonly name: string;
  readonly key: string;
  readonly field: Field;
  readonly get: (c: WhatIfConfig) => string | number | boolean;
  readonly set: (value: string) => Partial<WhatIfConfig>;
}

const rows = (runtimes: readonly string[]): readonly Row[] => [
  {
    name: 'Memory',
    key: 'memory',
    field: { kind: 'select', options: MEMORY, unit: ' MB' },
    get: (c) => c.memoryMb,
    set: (v) => ({ memoryMb: Number(v) }),
  },
  {
    name: 'Provisioned concurrency',
    key: 'pc',
    field: { kind: 'number', min: 0, max: 50, whole: true },
    get: (c) => c.provisionedConcurrency,
    set: (v) => ({ provisionedConcurrency: Number(v) }),
  },
  {
    name: 'Package size (MB, unzipped)',
    key: 'package',
    field: { kind: 'number', min: 0, max: 250, whole: false },
    get: (c) => c.packageSizeMb,
    set: (v) => ({ packageSizeMb: Number(v) }),
  },
  {
    name: 'Runtime',
    key: 'runtime',
    field: { kind: 'select', options: runtimes },
    get: (c) => c.runtime,
    set: (v) => ({ runtime: v }),
  },
  {
    name: 'Architecture',
    key: 'arch',
    field: { kind: 'select', options: ['x86_64', 'arm64'] },
    get: (c) => c.architecture ?? 'x86_64',
    set: (v) => ({ architecture: v === 'arm64' ? 'arm64' : 'x86_64' }),
  },
  {
    name: 'In a VPC',
    key: 'vpc',
    field: { kind: 'check' },
    get: (c) => c.vpc,
    set: (v) => ({ vpc: v === 'true' }),
  },
  {
    name: 'SnapStart',
    key: 'snapstart',
    field: { kind: 'check' },
    get: (c) => c.snapStart,
    set: (v) => ({ snapStart: v === 'true' }),
  },
];

function Control(props: {
  readonly row: Row;
  readonly config: WhatIfConfig;
  readonly label: string;
  readonly testId: string;
  readonly onChange: (patch: Partial<WhatIfConfig>) => void;
}) {
  const { row, config, label, testId, onChange } = props;
  const value = row.get(config);
  const f = row.field;
  switch (f.kind) {
    case 'select':
      return (
        <select
          aria-label={label}
          data-testid={testId}
          value={String(value)}
          onChange={(e) => onChange(row.set(e.currentTarget.value))}
        >
          {f.options.map((o) => (
            <option key={o} value={o}>
              {o}
              {f.unit ?? ''}
            </option>
          ))}
        </select>
      );
    case 'number':
      return (
        <input
          aria-label={label}
          data-testid={testId}
          type="number"
          min={f.min}
          max={f.max}
          step={f.whole ? 1 : 'any'}
          value={Number(value)}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            const v = Number(raw);
            // A cleared or malformed field keeps the last value instead of running a half-typed one.
            if (raw === '' || !Number.isFinite(v)) return;
            const clamped = Math.min(f.max, Math.max(f.min, f.whole ? Math.round(v) : v));
            onChange(row.set(String(clamped)));
          }}
        />
      );
    case 'check':
      return (
        <input
          aria-label={label}
          data-testid={testId}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(row.set(String(e.currentTarget.checked)))}
        />
      );
    default: {
      const never: never = f;
      return never;
    }
  }
}

export interface WhatIfConfigTableProps {
  readonly configs: readonly WhatIfConfig[];
  readonly runtimes: readonly string[];
  readonly onChange: (configs: WhatIfConfig[]) => void;
}

export function WhatIfConfigTable({ configs, runtimes, onChange }: WhatIfConfigTableProps) {
  const update = (side: number, patch: Partial<WhatIfConfig>) =>
    onChange(configs.map((c, i) => (i === side ? { ...c, ...patch } : c)));
  return (
    <table className="viz-table viz-whatif-config" data-testid="viz.whatif.config">
      <caption>Configurations (edit any side: it re-runs at once)</caption>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          {configs.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows(runtimes).map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            {configs.map((config, side) => (
              <td key={config.label}>
                <Control
                  row={row}
                  config={config}
                  label={`${row.name}, configuration ${config.label}`}
                  testId={`viz.whatif.${config.label.toLowerCase()}.${row.key}`}
                  onChange={(patch) => update(side, patch)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
