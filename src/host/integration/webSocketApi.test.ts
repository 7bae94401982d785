/** A WebSocket chat with a real Python handler: connection ids kept in DynamoDB, pushes, GoneException. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WsConnection } from '../../sim/services/apiGatewayWs';
import {
  createPythonServiceHost,
  type PythonServiceHost,
  type PythonServiceLab,
} from '../testing/pythonServiceFixture';

const CHAT = `import json
import boto3

table = boto3.resource("dynamodb").Table("connections")

def lambda_handler(event, context):
    ctx = event["requestContext"]
    me, route = ctx["connectionId"], ctx["routeKey"]
    if route == "$connect":
        if (event.get("queryStringParameters") or {}).get("token") != "letmein":
            return {"statusCode": 403}
        table.put_item(Item={"id": me})
        return {"statusCode": 200}
    if route == "$disconnect":
        table.delete_item(Key={"id": me})
        return {"statusCode": 200}
    api = boto3.client("apigatewaymanagementapi", endpoint_url=f"https://{ctx['domainName']}/{ctx['stage']}")
    if route == "sendmessage":
        text = json.loads(event["body"])["text"]
        sent = gone = 0
        for item in table.scan()["Items"]:
            try:
                api.post_to_connection(ConnectionId=item["id"], Data=text.encode())
                sent += 1
            except api.exceptions.GoneException as e:
                assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 410
                table.delete_item(Key={"id": item["id"]})
                gone += 1
        api.post_to_connection(ConnectionId=me, Data=json.dumps({"sent": sent, "gone": gone}))
    else:
        api.post_to_connection(ConnectionId=me, Data="echo: " + event["body"])
    return {"statusCode": 200}
`;

let host: PythonServiceHost;
beforeAll(() => {
  host = createPythonServiceHost();
});
afterAll(async () => {
  await host.close();
});

async function chatApi(h: PythonServiceLab): Promise<string> {
  await h.addFunction('chat', CHAT);
  h.ok('dynamodb', 'CreateTable', {
    TableName: 'connections',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  });
  const apiId = String(
    h.ok('apigatewayv2', 'CreateApi', {
      Name: 'chat',
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.action',
    }).ApiId,
  );
  const integ = h.ok('apigatewayv2', 'CreateIntegration', {
    ApiId: apiId,
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: 'arn:aws:lambda:us-east-1:123456789012:function:chat',
  });
  for (const RouteKey of ['$connect', '$disconnect', '$default', 'sendmessage'])
    h.ok('apigatewayv2', 'CreateRoute', {
      ApiId: apiId,
      RouteKey,
      Target: `integrations/${String(integ.IntegrationId)}`,
    });
  h.ok('apigatewayv2', 'CreateStage', { ApiId: apiId, StageName: 'prod' });
  h.ok('lambda', 'AddPermission', {
    FunctionName: 'chat',
    StatementId: 'chat-ws',
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/*`,
  });
  return apiId;
}

describe('a WebSocket API with a Python handler', () => {
  it('connects, routes by action, broadcasts with post_to_connection and cleans up a gone connection', async () => {
    const h = host.fresh(51);
    const apiId = await chatApi(h);
    const ws = h.lab.services.websocket;
    const open = async (query: Record<string, string>): Promise<WsConnection> => {
      const r = await h.runner.command(() => ({
        ok: true as const,
        value: ws.connect(apiId, 'prod', { query }),
        effects: [],
      }));
      if (!r.ok) throw new Error('connect failed');
      await h.runner.runUntilIdle();
      return r.value;
    };
    const act = async (run: () => void) => {
      await h.runner.command(() => {
        run();
        return { ok: true as const, value: null, effects: [] };
      });
      await h.runner.runUntilIdle();
    };
    const ada = await open({ token: 'letmein' });
    const bob = await open({ token: 'letmein' });
    const eve = await open({ token: 'wrong' });
    expect([ada.state, bob.state, eve.state]).toEqual(['open', 'open', 'refused']);
    expect(eve.statusCode).toBe(403);
    // A connection id the table still holds, though its client has long gone.
    h.ok('dynamodb', 'PutItem', { TableName: 'connections', Item: { id: { S: 'goneGoneGone12=' } } });

    await act(() => ws.send(ada.id, JSON.stringify({ action: 'sendmessage', text: 'hello all' })));
    expect(bob.frames.map((f) => [f.kind, f.data])).toEqual([['push', 'hello all']]);
    expect(ada.frames.map((f) => f.data)).toEqual(['hello all', '{"sent": 2, "gone": 1}']);

    await act(() => ws.send(bob.id, 'ping'));
    expect(bob.frames.at(-1)?.data).toBe('echo: ping');

    await act(() => ws.close(bob.id));
    const left = h.ok('dynamodb', 'Scan', { TableName: 'connections' }).Items as { id: { S: string } }[];
    expect(left.map((i) => i.id.S)).toEqual([ada.id]);
    const invokes = h.lab.world.trace.events.filter((e) => e.name === 'lambda.invoke.end');
    expect(invokes.every((e) => e.name === 'lambda.invoke.end' && e.status === 'success')).toBe(true);
  });
});
