/** What an exercise maps into a world: the learner's workspace files and per-function settings. */
import { z } from 'zod';

/** Where a workspace file goes: a function's code, a layer's files, or a role's inline policy. */
const FileBase = {
  path: z.string().regex(/^[A-Za-z0-9_./-]+$/),
  language: z.enum(['python', 'json', 'text']),
};
export const WorkspaceFile = z.union([
  z.strictObject({ ...FileBase, function: z.string() }),
  z.strictObject({ ...FileBase, layer: z.string() }),
  z.strictObject({ ...FileBase, rolePolicy: z.string() }),
]);
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

/** Settings the learner can change in the config panel, per function. */
export const FunctionConfig = z.strictObject({
  memoryMb: z.int().min(128).max(10_240).optional(),
  timeoutS: z.int().min(1).max(900).optional(),
  ephemeralStorageMb: z.int().min(512).max(10_240).optional(),
  env: z.record(z.string(), z.string()).optional(),
  reservedConcurrency: z.int().min(0).nullable().optional(),
  provisionedConcurrency: z.int().min(0).optional(),
  packageType: z.enum(['Zip', 'Image']).optional(),
  layers: z.array(z.string()).optional(),
});
export type FunctionConfig = z.infer<typeof FunctionConfig>;
