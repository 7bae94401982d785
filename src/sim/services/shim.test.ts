/** The boto3 shim in real Python (Pyodide in Node) against a simulated world, one operation at a time. */
// biome-ignore lint/style/noRestrictedImports: the test reads the shim's .py files from disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
// biome-ignore lint/style/noRestrictedImports: the integration test runs real Python.
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLab, type Lab, recordingScript } from './labTestSupport';
import { awsCallFor } from './shimHost';

const SHIM_DIR = new URL('../../runtime/py/shim/', import.meta.url);

let py: PyodideInterface;
let lab: Lab;
let log: ReturnType<typeof recordingScript>['log'];

function mount(dir: URL, target: string): void {
  py.FS.mkdirTree(target);
  for (const name of readdirSync(dir)) {
    const url = new URL(name, dir);
    if (statSync(url).isDirectory()) mount(new URL(`${name}/`, dir), `${target}/${name}`);
    else if (name.endsWith('.py')) py.FS.writeFile(`${target}/${name}`, readFileSync(url, 'utf8'));
  }
}

/** Run Python and return the JSON-serializable value of the last expression `result`. */
function run(code: string): unknown {
  py.runPython(code);
  const out = py.runPython('import json as _j; _j.dumps(result, default=str)') as string;
  return JSON.parse(out);
}

function asFunction(name: string | null): void {
  py.runPython(
    name === null
      ? `os.environ.pop('AWS_LAMBDA_FUNCTION_NAME', None)`
      : `os.environ['AWS_LAMBDA_FUNCTION_NAME'] = '${name}'`,
  );
}

beforeAll(async () => {
  py = await loadPyodide();
  mount(SHIM_DIR, '/lab/shim');
  py.runPython(
    `import sys, os, time\nsys.path.insert(0, '/lab/shim')\nos.environ['AWS_REGION'] = 'us-east-1'`,
  );
});

beforeEach(() => {
  const rec = recordingScript((fn, event) =>
    fn === 'echo'
      ? { status: 'success', json: JSON.stringify({ got: event }) }
      : fn === 'boom'
        ? { status: 'error', message: 'boom' }
        : { status: 'success', json: 'null' },
  );
  log = rec.log;
  lab = createLab(rec.script);
  const role = lab.role('app-role', [], {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  });
  lab.fn('app', role);
  lab.fn('echo', role);
  lab.fn('boom', role);
  py.globals.set('_lab_aws_call', awsCallFor(lab));
  py.globals.set('_lab_now', () => lab.world.now());
  py.runPython(
    `import builtins, time\nbuiltins._lab_aws_call = _lab_aws_call\ntime.time = lambda: _lab_now() / 1000`,
  );
  py.runPython(
    `for m in [m for m in sys.modules if m.split('.')[0] in ('boto3', 'botocore')]: del sys.modules[m]`,
  );
  asFunction('app');
});

describe('botocore basics', () => {
  it("raises ParamValidationError for a missing parameter, with botocore's message", () => {
    const r = run(`
import boto3
from botocore.exceptions import ParamValidationError
try:
    boto3.client('s3').put_object(Key='k')
except ParamValidationError as e:
    result = str(e)
`);
    expect(r).toBe('Parameter validation failed:\nMissing required parameter in input: "Bucket"');
  });

  it('reports mistyped and unknown parameters', () => {
    const r = run(`
import boto3
try:
    boto3.client('sqs').send_message(QueueUrl=5, MessageBody='x', Foo=1)
except Exception as e:
    result = [type(e).__name__, str(e)]
`);
    expect(r).toEqual([
      'ParamValidationError',
      "Parameter validation failed:\nInvalid type for parameter QueueUrl, value: 5, type: <class 'int'>, valid types: <class 'str'>\nUnknown parameter in input: \"Foo\", must be one of: QueueUrl, MessageBody, DelaySeconds, MessageAttributes, MessageSystemAttributes, MessageDeduplicationId, MessageGroupId",
    ]);
  });

  it('names an operation the lab does not simulate and lists what it supports', () => {
    const r = run(`
import boto3
try:
    boto3.client('s3').get_bucket_policy(Bucket='b')
except Exception as e:
    result = [type(e).__name__, str(e)]
`) as string[];
    expect(r[0]).toBe('LabUnsupportedOperationError');
    expect(r[1]).toMatch(
      /^The lab does not simulate s3.get_bucket_policy. Supported S3 operations: copy_object, create_bucket, /,
    );
  });

  it('raises ClientError with the AWS code, and client.exceptions classes match it', () => {
    const r = run(`
import boto3
from botocore.exceptions import ClientError
s3 = boto3.client('s3')
s3.create_bucket(Bucket='photos')
try:
    s3.get_object(Bucket='photos', Key='nope.jpg')
except s3.exceptions.NoSuchKey as e:
    result = [isinstance(e, ClientError), e.response['Error']['Code'], str(e)]
`);
    expect(r).toEqual([
      true,
      'NoSuchKey',
      'An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.',
    ]);
  });

  it('denies a call the execution role does not allow, as AccessDeniedException', () => {
    const role = lab.role('thin-role', ['AWSLambdaBasicExecutionRole']);
    lab.fn('thin', role);
    asFunction('thin');
    const r = run(`
import boto3
try:
    boto3.client('dynamodb').get_item(TableName='t', Key={'id': {'S': '1'}})
except boto3.client('dynamodb').exceptions.ClientError as e:
    result = str(e)
`);
    expect(r).toBe(
      'An error occurred (AccessDeniedException) when calling the GetItem operation: User: arn:aws:sts::123456789012:assumed-role/thin-role/thin is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/t because no identity-based policy allows the dynamodb:GetItem action',
    );
  });

  it('STS names the assumed role; Session works like boto3.session.Session', () => {
    const r = run(`
import boto3
s = boto3.session.Session()
result = [s.region_name, s.client('sts').get_caller_identity()['Arn']]
`);
    expect(r).toEqual(['us-east-1', 'arn:aws:sts::123456789012:assumed-role/app-role/app']);
  });
});

describe('S3 through the shim', () => {
  it('puts, heads, gets, lists with prefix, copies and deletes objects', () => {
    const r = run(`
import boto3
s3 = boto3.client('s3')
s3.create_bucket(Bucket='docs')
put = s3.put_object(Bucket='docs', Key='in/a.txt', Body=b'hello', ContentType='text/plain', Metadata={'owner': 'ana'})
s3.put_object(Bucket='docs', Key='in/b.txt', Body='world')
s3.put_object(Bucket='docs', Key='out/c.txt', Body=b'')
head = s3.head_object(Bucket='docs', Key='in/a.txt')
got = s3.get_object(Bucket='docs', Key='in/a.txt')
listed = s3.list_objects_v2(Bucket='docs', Prefix='in/')
s3.copy_object(Bucket='docs', Key='copy.txt', CopySource={'Bucket': 'docs', 'Key': 'in/a.txt'})
s3.delete_object(Bucket='docs', Key='in/b.txt')
after = [o['Key'] for o in s3.list_objects_v2(Bucket='docs')['Contents']]
result = [put['ETag'], head['ContentLength'], head['Metadata'], got['Body'].read().decode(), got['ContentType'],
          [o['Key'] for o in listed['Contents']], listed['KeyCount'], after, type(head['LastModified']).__name__]
`);
    expect(r).toEqual([
      '"5d41402abc4b2a76b9719d911017c592"',
      5,
      { owner: 'ana' },
      'hello',
      'text/plain',
      ['in/a.txt', 'in/b.txt'],
      2,
      ['copy.txt', 'in/a.txt', 'out/c.txt'],
      'datetime',
    ]);
  });

  it("head_object on a missing key gives botocore's 404 ClientError", () => {
    const r = run(`
import boto3
s3 = boto3.client('s3')
s3.create_bucket(Bucket='docs')
try:
    s3.head_object(Bucket='docs', Key='x')
except Exception as e:
    result = [e.response['Error']['Code'], str(e)]
`);
    expect(r).toEqual(['404', 'An error occurred (404) when calling the HeadObject operation: Not Found']);
  });
});

describe('SQS through the shim', () => {
  it('sends, receives with attributes, changes visibility and deletes', () => {
    const r = run(`
import boto3
sqs = boto3.client('sqs')
url = sqs.create_queue(QueueName='jobs', Attributes={'VisibilityTimeout': '45'})['QueueUrl']
sent = sqs.send_message(QueueUrl=url, MessageBody='job-1', MessageAttributes={'kind': {'DataType': 'String', 'StringValue': 'x'}})
got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, AttributeNames=['All'], MessageAttributeNames=['All'])['Messages']
again = sqs.receive_message(QueueUrl=url).get('Messages', [])
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=got[0]['ReceiptHandle'], VisibilityTimeout=0)
third = sqs.receive_message(QueueUrl=url, AttributeNames=['ApproximateReceiveCount'])['Messages']
sqs.delete_message(QueueUrl=url, ReceiptHandle=third[0]['ReceiptHandle'])
attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['All'])['Attributes']
import hashlib
result = [sent['MD5OfMessageBody'] == hashlib.md5(b'job-1').hexdigest(), got[0]['Body'], got[0]['MessageAttributes'], got[0]['Attributes']['ApproximateReceiveCount'],
          len(again), third[0]['Attributes']['ApproximateReceiveCount'], attrs['ApproximateNumberOfMessages'], attrs['VisibilityTimeout'],
          url]
`);
    expect(r).toEqual([
      true,
      'job-1',
      { kind: { DataType: 'String', StringValue: 'x' } },
      '1',
      0,
      '2',
      '0',
      '45',
      'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
    ]);
  });

  it('QueueDoesNotExist is the modeled class for a missing queue', () => {
    const r = run(`
import boto3
sqs = boto3.client('sqs')
try:
    sqs.get_queue_url(QueueName='ghost')
except sqs.exceptions.QueueDoesNotExist as e:
    result = e.response['Error']['Code']
`);
    expect(r).toBe('AWS.SimpleQueueService.NonExistentQueue');
  });
});

describe('DynamoDB through the shim', () => {
  const CREATE = `
import boto3
from decimal import Decimal
from boto3.dynamodb.conditions import Key, Attr
ddb = boto3.client('dynamodb')
ddb.create_table(TableName='orders', KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                 AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'N'}],
                 BillingMode='PAY_PER_REQUEST')
`;

  it('client API: put, get, update (SET, REMOVE, ADD), conditions, delete', () => {
    const r = run(`${CREATE}
ddb.put_item(TableName='orders', Item={'pk': {'S': 'u1'}, 'sk': {'N': '1'}, 'total': {'N': '10'}, 'note': {'S': 'hi'}})
up = ddb.update_item(TableName='orders', Key={'pk': {'S': 'u1'}, 'sk': {'N': '1'}},
    UpdateExpression='SET #t = #t + :inc, tags = :tags REMOVE note ADD visits :one',
    ExpressionAttributeNames={'#t': 'total'}, ExpressionAttributeValues={':inc': {'N': '5'}, ':tags': {'L': [{'S': 'a'}]}, ':one': {'N': '1'}},
    ReturnValues='ALL_NEW')['Attributes']
try:
    ddb.put_item(TableName='orders', Item={'pk': {'S': 'u1'}, 'sk': {'N': '1'}}, ConditionExpression='attribute_not_exists(pk)')
    failed = None
except ddb.exceptions.ConditionalCheckFailedException as e:
    failed = str(e)
got = ddb.get_item(TableName='orders', Key={'pk': {'S': 'u1'}, 'sk': {'N': '1'}})['Item']
ddb.delete_item(TableName='orders', Key={'pk': {'S': 'u1'}, 'sk': {'N': '1'}})
gone = ddb.get_item(TableName='orders', Key={'pk': {'S': 'u1'}, 'sk': {'N': '1'}})
result = [up, failed, got == up, 'Item' in gone]
`);
    expect(r).toEqual([
      { pk: { S: 'u1' }, sk: { N: '1' }, total: { N: '15' }, tags: { L: [{ S: 'a' }] }, visits: { N: '1' } },
      'An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed',
      true,
      false,
    ]);
  });

  it('resource API: Table with Decimal, Key/Attr conditions, query order, scan filter, batch_writer', () => {
    const r = run(`${CREATE}
table = boto3.resource('dynamodb').Table('orders')
with table.batch_writer() as batch:
    for i in range(5):
        batch.put_item(Item={'pk': 'u1', 'sk': i, 'amount': Decimal('1.5') * i, 'status': 'open' if i % 2 else 'done'})
    batch.put_item(Item={'pk': 'u2', 'sk': 0, 'amount': 7, 'status': 'open'})
q = table.query(KeyConditionExpression=Key('pk').eq('u1') & Key('sk').between(1, 3), ScanIndexForward=False)
s = table.scan(FilterExpression=Attr('status').eq('open') & Attr('amount').gt(2))
item = table.get_item(Key={'pk': 'u1', 'sk': 3})['Item']
table.update_item(Key={'pk': 'u1', 'sk': 3}, UpdateExpression='SET amount = :a', ExpressionAttributeValues={':a': Decimal('0.25')})
page = table.query(KeyConditionExpression=Key('pk').eq('u1'), Limit=2)
result = [[int(i['sk']) for i in q['Items']], sorted((i['pk'], int(i['sk'])) for i in s['Items']), repr(item['amount']),
          str(table.get_item(Key={'pk': 'u1', 'sk': 3})['Item']['amount']), len(page['Items']), page['LastEvaluatedKey']]
`);
    expect(r).toEqual([
      [3, 2, 1],
      [
        ['u1', 3],
        ['u2', 0],
      ],
      "Decimal('4.5')",
      '0.25',
      2,
      { pk: 'u1', sk: '1' },
    ]);
  });
});

describe('Lambda, SNS, Kinesis, secrets and SSM through the shim', () => {
  it('invokes synchronously and asynchronously, calling back into the world', () => {
    const r = run(`
import boto3, json
lam = boto3.client('lambda')
sync = lam.invoke(FunctionName='echo', Payload=json.dumps({'n': 1}))
err = lam.invoke(FunctionName='boom', Payload=b'{}')
asyn = lam.invoke(FunctionName='echo', InvocationType='Event', Payload=json.dumps({'n': 2}))
result = [sync['StatusCode'], json.loads(sync['Payload'].read()), err.get('FunctionError'), json.loads(err['Payload'].read())['errorMessage'], asyn['StatusCode']]
`);
    expect(r).toEqual([200, { got: { n: 1 } }, 'Unhandled', 'boom', 202]);
    lab.run();
    expect(log.filter((l) => l.functionName === 'echo').map((l) => l.event)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('SNS fans out to an SQS subscription with the notification envelope', () => {
    const r = run(`
import boto3, json
sns = boto3.client('sns'); sqs = boto3.client('sqs')
topic = sns.create_topic(Name='news')['TopicArn']
url = sqs.create_queue(QueueName='inbox')['QueueUrl']
arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=arn)
sns.publish(TopicArn=topic, Message='hello', Subject='greeting')
result = topic
`);
    expect(r).toBe('arn:aws:sns:us-east-1:123456789012:news');
    lab.run();
    const body = run(`
import json
m = boto3.client('sqs').receive_message(QueueUrl=url)['Messages'][0]
result = json.loads(m['Body'])
`) as Record<string, unknown>;
    expect(body).toMatchObject({
      Type: 'Notification',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:news',
      Subject: 'greeting',
      Message: 'hello',
    });
  });

  it('Kinesis puts records on shards by partition key', () => {
    const r = run(`
import boto3
k = boto3.client('kinesis')
k.create_stream(StreamName='clicks', ShardCount=2)
a = k.put_record(StreamName='clicks', Data=b'x', PartitionKey='user-1')
b = k.put_record(StreamName='clicks', Data=b'y', PartitionKey='user-1')
many = k.put_records(StreamName='clicks', Records=[{'Data': b'z', 'PartitionKey': 'p%d' % i} for i in range(6)])
result = [a['ShardId'] == b['ShardId'], int(b['SequenceNumber']) > int(a['SequenceNumber']), many['FailedRecordCount'], len({r['ShardId'] for r in many['Records']})]
`);
    expect(r).toEqual([true, true, 0, 2]);
  });

  it('reads secrets and parameters, decrypting SecureString on request', () => {
    lab.ok('secretsmanager', 'CreateSecret', { Name: 'db', SecretString: '{"password":"pw"}' });
    lab.ok('ssm', 'PutParameter', { Name: '/app/key', Value: 's3cr3t', Type: 'SecureString' });
    const r = run(`
import boto3, json
secret = json.loads(boto3.client('secretsmanager').get_secret_value(SecretId='db')['SecretString'])
ssm = boto3.client('ssm')
plain = ssm.get_parameter(Name='/app/key', WithDecryption=True)['Parameter']['Value']
cipher = ssm.get_parameter(Name='/app/key')['Parameter']['Value']
try:
    ssm.get_parameter(Name='/nope')
except ssm.exceptions.ParameterNotFound as e:
    missing = e.response['Error']['Code']
result = [secret['password'], plain, cipher != plain, missing]
`);
    expect(r).toEqual(['pw', 's3cr3t', true, 'ParameterNotFound']);
  });
});

describe('network guard', () => {
  it('refuses outbound HTTP with a clear explanation', () => {
    const r = run(`
import lab_network, urllib.request
lab_network.install_network_guard()
try:
    urllib.request.urlopen('https://example.com/')
except OSError as e:
    result = str(e)
lab_network.uninstall_network_guard()
`);
    expect(r).toMatch(/Lambda Lab is offline: the simulated function cannot reach example.com/);
  });
});
