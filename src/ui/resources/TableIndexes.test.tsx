// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResourcesPanel } from './ResourcesPanel';
import { renderWithLab } from './testLink';

afterEach(cleanup);

const str = (s: string) => ({ S: s });

describe('Resources -> DynamoDB: secondary indexes', () => {
  it("lists a table's indexes and queries one partition of a sparse KEYS_ONLY index", async () => {
    const { lab } = renderWithLab(<ResourcesPanel initialTab="ddb" />);
    await act(async () => {
      lab.lab.consoleCall('dynamodb', 'CreateTable', {
        TableName: 'orders',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      });
      for (const [id, status] of [
        ['o1', 'OPEN'],
        ['o2', 'SHIPPED'],
        ['o3', 'OPEN'],
        ['o4', ''],
      ]) {
        const item: Record<string, { S: string }> = { id: str(id!), note: str(`n-${id}`) };
        if (status) item.status = str(status);
        lab.lab.consoleCall('dynamodb', 'PutItem', { TableName: 'orders', Item: item });
      }
      await lab.advance(0);
    });
    const panel = await screen.findByTestId('resources.ddb.indexes');
    expect(panel.textContent).toContain('byStatus GSI · status (S) · KEYS_ONLY · 3 items');
    fireEvent.change(screen.getByTestId('resources.ddb.index.value'), { target: { value: 'OPEN' } });
    fireEvent.click(screen.getByTestId('resources.ddb.index.query'));
    const ok = await screen.findByTestId('resources.ddb.index.query.ok');
    expect(ok.textContent).toBe('byStatus: 2 items with status = OPEN.');
    const rows = [...screen.getByTestId('resources.ddb.index.items').querySelectorAll('li')].map(
      (l) => l.textContent,
    );
    expect(rows).toEqual(['status: OPEN · id: o1', 'status: OPEN · id: o3']);
  });
});
