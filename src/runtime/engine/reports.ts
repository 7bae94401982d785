/**
 * Turns the runtime's JSON report into a typed RunReport, checking every field: the Python side is code
 * too, and a malformed report should fail loudly here rather than deep inside the simulation.
 */
import type { AppLogLine, ErrorPayload, RunOutcome, RunReport } from '../../sim/runtimePort';

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field<T>(record: Json, key: string, guard: (value: unknown) => value is T, what: string): T {
  const value = record[key];
  if (!guard(value)) throw new Error(`Runtime report: ${key} is not ${what}`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isArray = (value: unknown): value is readonly unknown[] => Array.isArray(value);

function parseError(value: unknown): ErrorPayload {
  if (!isRecord(value)) throw new Error('Runtime report: error is not an object');
  const stackTrace = field(value, 'stackTrace', isArray, 'a list');
  return {
    errorMessage: field(value, 'errorMessage', isString, 'a string'),
    errorType: field(value, 'errorType', isString, 'a string'),
    requestId: field(value, 'requestId', isString, 'a string'),
    stackTrace: stackTrace.map((line) => {
      if (!isString(line)) throw new Error('Runtime report: stackTrace holds a non-string');
      return line;
    }),
  };
}

function parseOutcome(value: unknown): RunOutcome {
  if (!isRecord(value)) throw new Error('Runtime report: outcome is not an object');
  const status = value.status;
  switch (status) {
    case 'success':
      return { status, responseJson: field(value, 'responseJson', isString, 'a string') };
    case 'error':
      return { status, error: parseError(value.error) };
    case 'timeout':
    case 'outOfMemory':
      return { status };
    case 'crash':
      return { status, message: field(value, 'message', isString, 'a string') };
    default:
      throw new Error(`Runtime report: unknown status ${String(status)}`);
  }
}

function parseLogs(value: readonly unknown[]): AppLogLine[] {
  return value.map((entry) => {
    if (!isArray(entry) || !isNumber(entry[0]) || !isString(entry[1])) {
      throw new Error('Runtime report: a log entry is not [offsetMs, text]');
    }
    return { offsetMs: entry[0], text: entry[1] };
  });
}

export function parseRunReport(json: string): RunReport {
  const value: unknown = JSON.parse(json);
  if (!isRecord(value)) throw new Error('Runtime report is not an object');
  const localMs = value.localMs === undefined ? undefined : field(value, 'localMs', isNumber, 'a number');
  const runtimeMs =
    value.runtimeMs === undefined ? undefined : field(value, 'runtimeMs', isNumber, 'a number');
  const loadShare =
    value.loadShare === undefined || value.loadShare === null
      ? undefined
      : field(value, 'loadShare', isNumber, 'a number');
  const workModel = value.workModel;
  if (workModel !== undefined && workModel !== 'measured' && workModel !== 'counted')
    throw new Error(`Runtime report: unknown workModel ${String(workModel)}`);
  return {
    outcome: parseOutcome(value.outcome),
    cpuMs: field(value, 'cpuMs', isNumber, 'a number'),
    ...(localMs === undefined ? {} : { localMs }),
    ...(workModel === undefined ? {} : { workModel }),
    ...(loadShare === undefined ? {} : { loadShare }),
    sleepMs: field(value, 'sleepMs', isNumber, 'a number'),
    ...(runtimeMs === undefined ? {} : { runtimeMs }),
    maxMemoryMb: field(value, 'maxMemoryMb', isNumber, 'a number'),
    logs: parseLogs(field(value, 'logs', isArray, 'a list')),
  };
}

/** A report for a phase that ended without the runtime reporting (interrupted late, or a runtime bug). */
export function bareReport(outcome: RunOutcome, cpuMs = 0): RunReport {
  return { outcome, cpuMs, sleepMs: 0, maxMemoryMb: 0, logs: [] };
}
