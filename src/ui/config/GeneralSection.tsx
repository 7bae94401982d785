/**
 * General configuration: runtime, handler, architecture, memory (with its modeled CPU share), timeout, /tmp,
 * and SnapStart.
 */
import type { FieldErrors } from '../../controller/deploy/deployFields';
import { cpuScaleFor, limits, RUNTIME_IDS } from '../../sim';
import { useLabStore } from '../../store/labStore';
import { Checkbox, FieldError, Modeled, NumberField, Section, SelectField, TextField } from './fields';
import { useActiveDraft } from './useConfig';

/** The lab runs Python handlers, so only Python runtimes are offered. */
const PYTHON_RUNTIMES = RUNTIME_IDS.filter((r) => r.startsWith('python'));

function MemoryNote({ memoryMb, arm }: { memoryMb: number; arm: boolean }) {
  if (!Number.isFinite(memoryMb) || memoryMb <= 0) return null;
  const vcpu = memoryMb / limits.ONE_VCPU_MEMORY_MB;
  // A million invocations of 100 ms each: duration at this size, plus the request charge.
  const perGbS = arm ? limits.PRICE_GB_S_ARM_USD : limits.PRICE_GB_S_X86_USD;
  const duration = (memoryMb / 1024) * 0.1 * 1_000_000 * perGbS;
  const requests = limits.PRICE_PER_REQUEST_USD * 1_000_000;
  return (
    <span data-testid="config.memory.cpu">
      CPU share ≈ {vcpu.toFixed(2)} vCPU <Modeled /> (1,769 MB = one vCPU).{' '}
      {vcpu < 1
        ? `Handler code runs about ${cpuScaleFor(memoryMb).toFixed(1)}× slower than on a full vCPU.`
        : 'A single-threaded Python handler gains nothing above one vCPU.'}{' '}
      {`A million 100 ms invocations cost $${duration.toFixed(2)} in duration on ${arm ? 'arm64' : 'x86_64'}, plus $${requests.toFixed(2)} in requests (before the free tier).`}
    </span>
  );
}

export function GeneralSection({ errors }: { errors: FieldErrors }) {
  const draft = useActiveDraft();
  const patch = useLabStore((s) => s.patchFunction);
  const runtimes = PYTHON_RUNTIMES.includes(draft.runtime)
    ? PYTHON_RUNTIMES
    : [draft.runtime, ...PYTHON_RUNTIMES];
  return (
    <Section title="General configuration" testId="config.general">
      <div className="cfg-grid">
        <SelectField
          label="Runtime"
          value={draft.runtime}
          options={runtimes}
          onChange={(runtime) => patch({ runtime })}
          error={errors.runtime}
          testId="config.runtime"
        />
        <TextField
          label="Handler"
          value={draft.handler}
          onChange={(handler) => patch({ handler })}
          hint="file name (without .py), a dot, the function name"
          error={errors.handler}
          testId="config.handler"
        />
        <SelectField
          label="Architecture"
          value={draft.architecture}
          options={[
            { value: 'x86_64', label: 'x86_64' },
            { value: 'arm64', label: 'arm64 (Graviton, about 20% cheaper per GB-s)' },
          ]}
          onChange={(architecture) => patch({ architecture })}
          error={errors.architecture}
          testId="config.architecture"
        />
        <NumberField
          label="Memory"
          unit="MB"
          min={128}
          max={10_240}
          value={draft.memorySize}
          onChange={(memorySize) => patch({ memorySize })}
          hint={<MemoryNote memoryMb={draft.memorySize} arm={draft.architecture === 'arm64'} />}
          error={errors.memorySize}
          testId="config.memory"
        />
        <NumberField
          label="Timeout"
          unit="seconds"
          min={1}
          max={900}
          value={draft.timeout}
          onChange={(timeout) => patch({ timeout })}
          hint="How long one invocation may run before Lambda stops it (Task timed out)."
          error={errors.timeout}
          testId="config.timeout"
        />
        <NumberField
          label="Ephemeral storage (/tmp)"
          unit="MB"
          min={512}
          max={10_240}
          value={draft.ephemeralStorage}
          onChange={(ephemeralStorage) => patch({ ephemeralStorage })}
          hint="Kept between warm invokes of one environment; above 512 MB it is billed."
          error={errors.ephemeralStorage}
          testId="config.ephemeral"
        />
      </div>
      <Checkbox
        checked={draft.snapStart === true}
        onChange={(snapStart) => patch({ snapStart })}
        label="SnapStart on published versions (Python 3.12 and later)"
        testId="config.snapstart"
        hint={
          <>
            Publishing a version runs Init once and snapshots it; every cold start of that version restores
            the snapshot (RESTORE_START, Restore Duration) instead of running Init. Not for $LATEST (Test) and
            not with provisioned concurrency. Anything Init makes is restored as is, so a UUID or random seed
            taken in Init is the same in every environment. Publish a version under Aliases and versions.
            Snapshot caching and restores are billed (prices <Modeled />
            ).
          </>
        }
      />
      <FieldError error={errors.snapStart} testId="config.snapstart" />
      {errors.code ? (
        <p className="inline-error" role="alert" data-testid="config.code.error">
          {errors.code}
        </p>
      ) : null}
    </Section>
  );
}
