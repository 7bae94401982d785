/** The capstone's solution exports as a SAM app (its content is checked in src/lessons/capstone.test.ts). */
import { describe, expect, it } from 'vitest';
import { exerciseWorkspace } from '../controller/lab/exerciseWorkspace';
import { loadLessonsOrThrow } from '../lessons/loadLessons';
import { exportSamFiles } from './exportApp';

const capstone = loadLessonsOrThrow().lessons.find((l) => l.id === '13-capstone')?.exercises[0];

describe('the capstone as a SAM app', () => {
  it('exports the built functions as a SAM app, provisioned concurrency on the alias live', () => {
    if (capstone === undefined) throw new Error('no capstone');
    const files = exportSamFiles(exerciseWorkspace(capstone, 'solution').workspace);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'template.yaml',
        'OrdersApi/orders_api.py',
        'FulfilWorker/worker.py',
        'CostEstimate/cost.py',
      ]),
    );
    expect(files['template.yaml']).toMatch(
      /AutoPublishAlias: live\s+ProvisionedConcurrencyConfig:\s+ProvisionedConcurrentExecutions: 3/,
    );
  });
});
