#!/usr/bin/env node
// Writes the boto3 shim's botocore/lab_specs.py from the operation model (src/sim/services/model/awsModel.ts).
// Registers tsx so Node runs the TypeScript renderer directly; src/runtime/shimSpecs.test.ts checks the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { renderShimSpecs, SHIM_SPECS_PATH } = await import('../src/runtime/shimSpecs.ts');
const next = renderShimSpecs();
const before = readFileSync(SHIM_SPECS_PATH, 'utf8');
if (before === next) console.log(`${SHIM_SPECS_PATH} is up to date`);
else {
  writeFileSync(SHIM_SPECS_PATH, next);
  console.log(`wrote ${SHIM_SPECS_PATH}`);
}
