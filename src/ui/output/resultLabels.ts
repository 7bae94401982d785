/**
 * How the result panel names a run's start and shows its logs: a run whose Init failed is not "warm",
 * a lesson snippet is neither (it runs outside the simulation), and Lambda's long LAMBDA_WARNING
 * line is folded so the handler's own error stays in view.
 */
import type { TestResult } from '../../store/runSlice';

const INIT_FAILURES =
  /"errorType":\s*"(Runtime\.ImportModuleError|Runtime\.UserCodeSyntaxError|Runtime\.HandlerNotFound|Runtime\.MalformedHandlerName)"/;

export function startLabel(
  result: Pick<TestResult, 'initDurationMs' | 'model' | 'responseJson' | 'logs'>,
): string {
  if (result.model === null) return 'lesson snippet, outside the simulation';
  if (INIT_FAILURES.test(result.responseJson)) return 'Init failed (cold start)';
  if (result.initDurationMs !== null) return `Init ${result.initDurationMs.toFixed(2)} ms (cold start)`;
  if (result.logs.some((line) => line.startsWith('INIT_START') || line.startsWith('INIT_REPORT')))
    return 'cold start';
  return 'warm';
}

export const WARNING_PREFIX = 'LAMBDA_WARNING: ';

/** The warning's first sentence, for a folded line; the full text stays one click away. */
export function warningSummary(line: string): string | null {
  const at = line.indexOf(WARNING_PREFIX);
  if (at < 0) return null;
  const rest = line.slice(at + WARNING_PREFIX.length);
  const end = rest.indexOf('. ');
  return `${line.slice(0, at)}${WARNING_PREFIX}${end < 0 ? rest : rest.slice(0, end + 1)}`;
}
