import { describe, expect, it } from 'vitest';
import { createQueue, sendMessage } from './consoleCore';
import { createConsoleTestLab } from './consoleFixture';

describe('sending to a FIFO queue from the console', () => {
  it('a repeated deduplication ID answers with the first message, a blank one always sends', async () => {
    const t = createConsoleTestLab();
    const created = await createQueue(t, { name: 'orders.fifo', fifo: true, deadLetter: null });
    if (!created.ok) throw new Error(created.error);
    const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo';
    const send = async (dedupId: string) => {
      const r = await sendMessage(t, url, { body: 'pay', groupId: 'o1', dedupId });
      if (!r.ok) throw new Error(r.error);
      return r.value;
    };
    const first = await send('order-1');
    const again = await send('order-1');
    const blank1 = await send('');
    const blank2 = await send(' ');
    expect(again.MessageId).toBe(first.MessageId);
    expect(again.SequenceNumber).toBe(first.SequenceNumber);
    expect(new Set([first.MessageId, blank1.MessageId, blank2.MessageId]).size).toBe(3);
    const q = t.lab.services.sqs.queueByArn('arn:aws:sqs:us-east-1:123456789012:orders.fifo');
    expect(q?.live.size).toBe(3);
  });
});
