/** WebSocket APIs in SAM templates: read, built into a world where real Python answers, exported, read back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { NodeRuntime } from '../runtime/node/nodeRuntime';
import { appInput } from './appFiles';
import { exportSamFiles } from './exportApp';
import { readSamTemplate } from './readTemplate';
import { bootedRuntime, createTestRouter } from './testSupport';
import { webSocketResourcesOf } from './webSocketApis';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  ChatApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  ConnectIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref ChatApi
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${OnConnect.Arn}/invocations
  ChatIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref ChatApi
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Chat.Arn}/invocations
  ConnectRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref ChatApi
      RouteKey: $connect
      Target: !Join [/, [integrations, !Ref ConnectIntegration]]
  SendRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref ChatApi
      RouteKey: sendmessage
      Target: !Join [/, [integrations, !Ref ChatIntegration]]
  MockRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref ChatApi
      RouteKey: ping
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref ChatApi
      StageName: prod
      AutoDeploy: true
  HttpV2:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: plain-http
      ProtocolType: HTTP
  OnConnect:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return {"statusCode": 200}
  Chat:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Environment:
        Variables:
          ENDPOINT: !Sub https://\${ChatApi}.execute-api.\${AWS::Region}.amazonaws.com/prod
      Policies:
        - Statement:
            - Effect: Allow
              Action: execute-api:ManageConnections
              Resource: !Sub arn:aws:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${ChatApi}/*
      InlineCode: |
        import json, os, boto3
        api = boto3.client("apigatewaymanagementapi", endpoint_url=os.environ["ENDPOINT"])
        def handler(event, context):
            me = event["requestContext"]["connectionId"]
            api.post_to_connection(ConnectionId=me, Data=json.loads(event["body"])["text"].upper())
            return {"statusCode": 200}
  ConnectPermission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref OnConnect
      Action: lambda:InvokeFunction
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub arn:aws:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${ChatApi}/*
  ChatPermission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref Chat
      Action: lambda:InvokeFunction
      Principal: apigateway.amazonaws.com
      SourceArn: !Sub arn:aws:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${ChatApi}/*
`;

const FILES = { 'template.yaml': TEMPLATE };
const router = createTestRouter();
let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await bootedRuntime(router.awsCall);
}, 120_000);
afterAll(async () => {
  await runtime.close();
});

describe('WebSocket APIs in SAM templates', () => {
  it('reads the API, its Lambda routes and stage, and names what it leaves out', () => {
    const app = readSamTemplate(appInput(FILES));
    expect(app.resources.filter((r) => r.kind === 'websocketApi')).toEqual([
      {
        kind: 'websocketApi',
        logicalId: 'ChatApi',
        name: 'chat',
        selection: '$request.body.action',
        stage: 'prod',
        routes: [
          { routeKey: '$connect', functionName: 'OnConnect' },
          { routeKey: 'sendmessage', functionName: 'Chat' },
        ],
      },
    ]);
    const warning = app.warnings.find((w) => w.subject.startsWith('AWS::ApiGatewayV2'));
    expect(warning?.logicalIds).toEqual(['HttpV2', 'MockRoute']);
  });

  it('builds it: a client connects through $connect and gets the push its message asks for', async () => {
    const { lab, runner, built } = await router.build(runtime, FILES);
    const [api] = lab.services.websocket.apis();
    expect(api).toMatchObject({ name: 'chat', stages: ['prod'] });
    // The function's environment names the API id the world chose, so its pushes reach the client.
    expect(built.app.workspace.functions.Chat?.environment.ENDPOINT).toBe(
      `https://${api?.id}.execute-api.us-east-1.amazonaws.com/prod`,
    );
    const ws = lab.services.websocket;
    const conn = ws.connect(api?.id ?? '', 'prod');
    await runner.runUntilIdle();
    expect(conn.state).toBe('open');
    ws.send(conn.id, JSON.stringify({ action: 'sendmessage', text: 'hi there' }));
    await runner.runUntilIdle();
    expect(conn.frames.map((f) => [f.kind, f.data])).toEqual([['push', 'HI THERE']]);
  });

  it('exports an API made in Resources (held by the world, not the workspace) with its Lambda routes', async () => {
    const { lab, built } = await router.build(runtime, FILES);
    const ws = lab.services.websocket;
    const functions = Object.keys(built.app.workspace.functions);
    // The app's own API is kept already; one made by hand in the world is added.
    expect(webSocketResourcesOf(ws.apis(), built.app.resources, functions)).toEqual([]);
    const made = webSocketResourcesOf(ws.apis(), [], functions);
    expect(made).toEqual([
      {
        kind: 'websocketApi',
        logicalId: 'chatWebSocketApi',
        name: 'chat',
        selection: '$request.body.action',
        stage: 'prod',
        routes: [
          { routeKey: '$connect', functionName: 'OnConnect' },
          { routeKey: 'sendmessage', functionName: 'Chat' },
        ],
      },
    ]);
    const files = exportSamFiles(built.app.workspace, { resources: made });
    const again = readSamTemplate(appInput(files)).resources.find((r) => r.kind === 'websocketApi');
    expect(again).toEqual(made[0]);
  });

  it('exports the API as the same resources, and the export reads back to the same API', () => {
    const app = readSamTemplate(appInput(FILES));
    const files = exportSamFiles(app.workspace, app);
    const doc = parse(files['template.yaml'] ?? '') as { Resources: Record<string, { Type: string }> };
    const types = Object.values(doc.Resources).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('AWS::ApiGatewayV2::')).sort()).toEqual([
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Integration',
      'AWS::ApiGatewayV2::Integration',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
    ]);
    const again = readSamTemplate(appInput(files));
    expect(again.resources.find((r) => r.kind === 'websocketApi')).toEqual(
      app.resources.find((r) => r.kind === 'websocketApi'),
    );
    expect(again.warnings.some((w) => w.subject.startsWith('AWS::ApiGatewayV2'))).toBe(false);
  });
});
