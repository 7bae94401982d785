/** Platform log lines exactly as lambda-facts §1 shows them (text format), plus the JSON telemetry shapes. */
import type { ErrorPayload } from './runtimePort';
import { formatCentis, isoTimestamp } from './timeFormat';
import type { InitPhase, InitType } from './trace';

export function initStartLine(runtimeVersion: string, runtimeVersionArn: string): string {
  return `INIT_START Runtime Version: ${runtimeVersion}\tRuntime Version ARN: ${runtimeVersionArn}`;
}

/**
 * SnapStart environments restore instead of initializing. These two lines are not in the facts file; their
 * shape follows INIT_START and the REPORT's `Restore Duration` field.
 */
export function restoreStartLine(runtimeVersion: string, runtimeVersionArn: string): string {
  return `RESTORE_START Runtime Version: ${runtimeVersion}\tRuntime Version ARN: ${runtimeVersionArn}`;
}

export function restoreReportLine(restoreCentis: number): string {
  return `RESTORE_REPORT Restore Duration: ${formatCentis(restoreCentis)} ms`;
}

export function startLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export type PlatformStatus =
  | { readonly kind: 'success' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'error'; readonly errorType: string };

export interface ReportFields {
  readonly requestId: string;
  readonly durationCentis: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
  /** Only on the first invoke of an on-demand environment. */
  readonly initCentis: number | null;
  readonly restoreCentis: number | null;
  readonly status: PlatformStatus;
}

function statusSuffix(status: PlatformStatus): string {
  switch (status.kind) {
    case 'success':
      return '';
    case 'timeout':
      return 'Status: timeout';
    case 'error':
      return `Status: error\tError Type: ${status.errorType}`;
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** Every field ends in a tab (so a success line has a trailing tab); a status suffix has none. */
export function reportLine(f: ReportFields): string {
  let line = `REPORT RequestId: ${f.requestId}\tDuration: ${formatCentis(f.durationCentis)} ms\tBilled Duration: ${f.billedDurationMs} ms\tMemory Size: ${f.memorySizeMb} MB\tMax Memory Used: ${f.maxMemoryUsedMb} MB\t`;
  if (f.restoreCentis !== null) {
    line += `Restore Duration: ${formatCentis(f.restoreCentis)} ms\tBilled Restore Duration: ${Math.ceil(f.restoreCentis / 100)} ms\t`;
  }
  if (f.initCentis !== null) line += `Init Duration: ${formatCentis(f.initCentis)} ms\t`;
  return line + statusSuffix(f.status);
}

export function initReportLine(initCentis: number, phase: InitPhase, status: PlatformStatus): string {
  const s = status.kind === 'success' ? 'Status: success' : statusSuffix(status);
  return `INIT_REPORT Init Duration: ${formatCentis(initCentis)} ms\tPhase: ${phase}\t${s}`;
}

/** Seconds with two decimals, as the timeout line and payload print them. */
export function timeoutSeconds(ms: number): string {
  return formatCentis(Math.round(ms / 10));
}

export function timeoutLine(atMs: number, requestId: string, timeoutMs: number): string {
  return `${isoTimestamp(atMs)} ${requestId} Task timed out after ${timeoutSeconds(timeoutMs)} seconds`;
}

/** errorType first, compact, as current Lambda returns it (facts §1.2). */
export function platformErrorJson(errorType: string, requestId: string, detail: string): string {
  return `{"errorType":${JSON.stringify(errorType)},"errorMessage":${JSON.stringify(`RequestId: ${requestId} Error: ${detail}`)}}`;
}

export function timeoutPayload(requestId: string, timeoutMs: number): string {
  return platformErrorJson(
    'Sandbox.Timedout',
    requestId,
    `Task timed out after ${timeoutSeconds(timeoutMs)} seconds`,
  );
}

/** The Python runtime's payload with json.dumps' default separators and key order (facts §2). */
export function pythonErrorJson(e: ErrorPayload): string {
  const trace = e.stackTrace.map((s) => JSON.stringify(s)).join(', ');
  return `{"errorMessage": ${JSON.stringify(e.errorMessage)}, "errorType": ${JSON.stringify(e.errorType)}, "requestId": ${JSON.stringify(e.requestId)}, "stackTrace": [${trace}]}`;
}

export const RESPONSE_TOO_LARGE_JSON =
  '{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}';

// JSON log format: platform records in the Telemetry API shape (facts §1.1b).

function telemetry(atMs: number, type: string, record: string): string {
  return `{"time":"${isoTimestamp(atMs)}","type":"${type}","record":${record}}`;
}

export function initStartJson(
  atMs: number,
  initType: InitType,
  phase: InitPhase,
  version: string,
  arn: string,
): string {
  return telemetry(
    atMs,
    'platform.initStart',
    `{"initializationType":"${initType}","phase":"${phase}","runtimeVersion":"${version}","runtimeVersionArn":"${arn}"}`,
  );
}

/** SnapStart in the JSON format: the Telemetry API's restore events (not in the facts; same shapes as Init's). */
export function restoreStartJson(atMs: number, version: string, arn: string): string {
  return telemetry(
    atMs,
    'platform.restoreStart',
    `{"runtimeVersion":"${version}","runtimeVersionArn":"${arn}"}`,
  );
}

export function restoreReportJson(atMs: number, restoreCentis: number, status: PlatformStatus): string {
  return telemetry(
    atMs,
    'platform.restoreReport',
    `{${statusJson(status)},"metrics":{"durationMs":${restoreCentis / 100}}}`,
  );
}

export function startJson(atMs: number, requestId: string, version: string): string {
  return telemetry(
    atMs,
    'platform.start',
    `{"requestId":"${requestId}","version":${JSON.stringify(version)}}`,
  );
}

function statusJson(status: PlatformStatus): string {
  switch (status.kind) {
    case 'success':
      return '"status":"success"';
    case 'timeout':
      return '"status":"timeout"';
    case 'error':
      return `"status":"error","errorType":${JSON.stringify(status.errorType)}`;
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function reportJson(atMs: number, f: ReportFields): string {
  const init = f.initCentis === null ? '' : `,"initDurationMs":${f.initCentis / 100}`;
  const restore = f.restoreCentis === null ? '' : `,"restoreDurationMs":${f.restoreCentis / 100}`;
  const metrics = `{"billedDurationMs":${f.billedDurationMs},"durationMs":${f.durationCentis / 100}${init},"maxMemoryUsedMB":${f.maxMemoryUsedMb},"memorySizeMB":${f.memorySizeMb}${restore}}`;
  return telemetry(
    atMs,
    'platform.report',
    `{"requestId":"${f.requestId}","metrics":${metrics},${statusJson(f.status)}}`,
  );
}

export function initReportJson(
  atMs: number,
  initType: InitType,
  phase: InitPhase,
  initCentis: number,
  status: PlatformStatus,
): string {
  const record = `{"initializationType":"${initType}","phase":"${phase}",${statusJson(status)},"metrics":{"durationMs":${initCentis / 100}}}`;
  return telemetry(atMs, 'platform.initReport', record);
}

export function runtimeDoneJson(atMs: number, requestId: string, status: PlatformStatus): string {
  return telemetry(atMs, 'platform.runtimeDone', `{"requestId":"${requestId}",${statusJson(status)}}`);
}
