// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ResourcesPanel } from './ResourcesPanel';
import { renderWithLab, renderWithoutWorld } from './testLink';

afterEach(cleanup);

/** Text content contains a string or matches a pattern (no jest-dom here). */
function expectText(el: HTMLElement, expected: string | RegExp) {
  if (typeof expected === 'string') expect(el.textContent).toContain(expected);
  else expect(el.textContent).toMatch(expected);
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ResourcesPanel', () => {
  it('says the world starts with Python while there is none', async () => {
    renderWithoutWorld(<ResourcesPanel />);
    expectText(await screen.findByTestId('resources.waiting'), /once Python is ready/);
  });

  it('creates a bucket (explaining a bad name inline) and uploads a dropped file and a picked one', async () => {
    const { lab } = renderWithLab(<ResourcesPanel />);
    await screen.findByLabelText('New bucket name');
    type('New bucket name', 'My-Photos');
    fireEvent.click(screen.getByTestId('resources.s3.create'));
    expectText(
      await screen.findByTestId('resources.s3.create.error'),
      'Bucket names cannot contain uppercase letters.',
    );
    type('New bucket name', 'photos');
    fireEvent.click(screen.getByTestId('resources.s3.create'));
    expectText(await screen.findByTestId('resources.s3.create.ok'), 'Created bucket photos.');

    const drop = await screen.findByTestId('resources.s3.drop');
    const dropped = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    fireEvent.drop(drop, { dataTransfer: { files: [dropped] } });
    expectText(await screen.findByTestId('resources.s3.upload.ok'), 'Uploaded hello.txt (5 B)');
    const picked = new File([new Uint8Array([1, 2, 3])], 'data.bin', { type: '' });
    fireEvent.change(screen.getByTestId('resources.s3.file'), { target: { files: [picked] } });
    await waitFor(() => expectText(screen.getByTestId('resources.s3.objects'), 'data.bin'));
    const rows = within(screen.getByTestId('resources.s3.objects')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'KeySizeTypeLast modified',
      expect.stringMatching(/^data\.bin3 Bbinary\/octet-stream2026-11-27/),
      expect.stringMatching(/^hello\.txt5 Btext\/plain2026-11-27/),
    ]);
    expect(lab.lab.services.s3.getObject('photos', 'data.bin')?.body).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('adds an S3 notification whose upload invokes the function once virtual time moves', async () => {
    const { lab } = renderWithLab(<ResourcesPanel />);
    await lab.addFunction('thumbs');
    await screen.findByLabelText('New bucket name');
    type('New bucket name', 'photos');
    fireEvent.click(screen.getByTestId('resources.s3.create'));
    await screen.findByTestId('resources.s3.drop');
    fireEvent.click(screen.getByTestId('resources.s3.trigger.add'));
    expectText(await screen.findByTestId('resources.s3.trigger.ok'), 'now invoke thumbs');
    expectText(screen.getByTestId('resources.s3.notifications'), 's3:ObjectCreated:* → lambda thumbs');
    fireEvent.drop(screen.getByTestId('resources.s3.drop'), {
      dataTransfer: { files: [new File(['x'], 'a.txt', { type: 'text/plain' })] },
    });
    expectText(await screen.findByTestId('resources.s3.upload.ok'), 'fire as virtual time plays');
    expect(lab.invocations('thumbs')).toEqual([]);
    await act(() => lab.advance(1000));
    expect(lab.invocations('thumbs')).toHaveLength(1);
  });

  it('creates a queue with a dead-letter queue and shows the sent message in its counts', async () => {
    renderWithLab(<ResourcesPanel initialTab="sqs" />);
    await screen.findByLabelText('New queue name');
    type('New queue name', 'orders');
    fireEvent.click(screen.getByTestId('resources.sqs.create'));
    expectText(
      await screen.findByTestId('resources.sqs.create.ok'),
      'Created queue orders with a dead-letter queue after 3 receives.',
    );
    const counts = screen.getByTestId('resources.sqs.counts');
    expect(counts.getAttribute('data-visible')).toBe('0');
    fireEvent.change(screen.getByTestId('resources.sqs.body'), { target: { value: '{"id": 7}' } });
    fireEvent.click(screen.getByText('Add attribute'));
    type('Attribute 1 name', 'kind');
    type('Attribute 1 value', 'order');
    fireEvent.click(screen.getByTestId('resources.sqs.send'));
    expectText(await screen.findByTestId('resources.sqs.send.ok'), /^Sent message [0-9a-f-]+ to orders\.$/);
    await waitFor(() =>
      expect(screen.getByTestId('resources.sqs.counts').getAttribute('data-visible')).toBe('1'),
    );
    expectText(screen.getByTestId('resources.sqs.counts'), 'Moved to orders-dlq 0');
  });

  it('puts and edits DynamoDB items, with JSON and service errors inline', async () => {
    renderWithLab(<ResourcesPanel initialTab="ddb" />);
    await screen.findByLabelText('New table name');
    type('New table name', 'users');
    fireEvent.click(screen.getByTestId('resources.ddb.create'));
    await screen.findByTestId('resources.ddb.grid');
    fireEvent.click(screen.getByTestId('resources.ddb.new'));
    fireEvent.change(screen.getByTestId('resources.ddb.editor'), {
      target: { value: '{"id": {"S": "ada"}, "age": {"N": "36"}}' },
    });
    fireEvent.click(screen.getByTestId('resources.ddb.save'));
    await waitFor(() => expectText(screen.getByTestId('resources.ddb.grid'), 'ada36'));

    fireEvent.click(screen.getByTestId('resources.ddb.edit'));
    const editor = screen.getByTestId('resources.ddb.editor');
    fireEvent.change(editor, { target: { value: '{"id": {"S": "ada"}, "age": {"N": "37"},}' } });
    fireEvent.click(screen.getByTestId('resources.ddb.save'));
    expectText(await screen.findByTestId('resources.ddb.error'), /^Invalid JSON at line 1, column \d+/);
    expect(editor.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(editor, { target: { value: '{"id": {"N": "1"}}' } });
    fireEvent.click(screen.getByTestId('resources.ddb.save'));
    await waitFor(() =>
      expectText(
        screen.getByTestId('resources.ddb.error'),
        'ValidationException: The provided key element does not match the schema',
      ),
    );
    fireEvent.change(editor, { target: { value: '{"id": {"S": "ada"}, "age": {"N": "37"}}' } });
    fireEvent.click(screen.getByTestId('resources.ddb.save'));
    await waitFor(() => expectText(screen.getByTestId('resources.ddb.grid'), 'ada37'));
    expect(screen.queryByTestId('resources.ddb.editor')).toBeNull();
  });

  it('publishes to a topic and sends an API request through its function', async () => {
    const { lab } = renderWithLab(<ResourcesPanel initialTab="sns" />, {
      invoke: { outcome: { status: 'success', responseJson: '{"statusCode": 418, "body": "teapot"}' } },
    });
    await lab.addFunction('hello-lambda');
    await screen.findByLabelText('New topic name');
    type('New topic name', 'alerts');
    fireEvent.click(screen.getByTestId('resources.sns.create'));
    await screen.findByTestId('resources.sns.publish');
    fireEvent.click(screen.getByTestId('resources.sns.publish'));
    expectText(await screen.findByTestId('resources.sns.publish.ok'), 'no one gets it');

    fireEvent.click(screen.getByTestId('resources.tab.api'));
    fireEvent.click(await screen.findByTestId('resources.api.create'));
    const url = await screen.findByTestId('resources.api.url');
    expect(url.textContent).toMatch(
      /^https:\/\/[0-9a-f]{10}\.execute-api\.us-east-1\.amazonaws\.com\/default\/hello-lambda$/,
    );
    fireEvent.change(screen.getByTestId('resources.api.query'), { target: { value: 'a=1' } });
    expect(screen.getByTestId('resources.api.url').textContent).toMatch(/\/default\/hello-lambda\?a=1$/);
    fireEvent.click(screen.getByTestId('resources.api.send'));
    expectText(await screen.findByTestId('resources.api.status'), '418');
    expectText(screen.getByTestId('resources.api.response'), 'teapot');
  });
});
