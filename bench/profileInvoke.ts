// Profiles the invoke path's Node side: `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profileInvoke.ts`
// runs warm invokes and a 1,000-environment burst through the runner and pool (as bench/nodeFigures.ts does);
// summarise a profile with `node bench/profileSummary.mjs DIR/file.cpuprofile`.
import { createLabRunner } from '../src/host/labRunner';
import { createLabWorld, LAB_ROLE_ARN } from '../src/host/labWorld';
import { createNodeRuntime } from '../src/runtime/node/nodeRuntime';

const START = Date.UTC(2026, 10, 26, 12);
const ECHO = 'def lambda_handler(event, context):\n    return event\n';
const lab = createLabWorld({ seed: 7, startTimeMs: START, access: 'admin' });
const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
const runner = createLabRunner(lab.world, runtime);
await runner.command((w) =>
  w.createFunction({
    functionName: 'p',
    role: LAB_ROLE_ARN,
    runtime: 'python3.13',
    handler: 'lambda_function.lambda_handler',
    memorySize: 1769,
    code: { files: { 'lambda_function.py': ECHO } },
  }),
);
const count = Number(process.argv[2] ?? 1000);
let t = performance.now();
for (let i = 0; i < 300; i++) await runner.invokeAll([{ functionName: 'p', payloadJson: '{}' }]);
const warm = (performance.now() - t) / 300;
t = performance.now();
await runner.invokeAll(Array.from({ length: count }, () => ({ functionName: 'p', payloadJson: '{}' })));
const burst = performance.now() - t;
console.log(JSON.stringify({ warmMs: warm, burstMs: burst, envs: lab.world.envs().length }));
await runtime.close();
