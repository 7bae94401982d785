/** Looking up a function record, or the AWS not-found result for it. */
import { notFound, type Result } from './awsErrors';
import { type FunctionRecord, functionArn, type WorldCtx } from './worldTypes';

export function getRecord(ctx: WorldCtx, name: string): FunctionRecord | Result<never> {
  const fn = ctx.functions.get(name);
  return fn ?? notFound(`Function not found: ${functionArn(ctx, name)}`);
}
