/**
 * The test host for the Python shim: binds `_lab_aws_call` to a world in the same process and resolves
 * pending calls (a sync Lambda invoke) by settling the world with the scripted runtime, as the app's
 * worker host does across the SharedArrayBuffer boundary.
 */
import { type AwsCallResponse, handleAwsCall, parseAwsCallRequest, resumeAwsCall } from './awsCall';
import type { Lab } from './labTestSupport';

export function awsCallFor(lab: Lab): (requestJson: string) => string {
  return (requestJson) => {
    const parsed = parseAwsCallRequest(requestJson);
    if ('kind' in parsed) return JSON.stringify(parsed);
    let response: AwsCallResponse | null = handleAwsCall(lab.world, parsed);
    if (response.kind === 'pending') {
      const token = response.token;
      response = null;
      for (let i = 0; i < 10_000 && response === null; i++) {
        lab.run();
        response = resumeAwsCall(lab.world, token);
      }
    }
    return JSON.stringify(response);
  };
}
