/** DynamoDB secondary indexes from real Python handlers: boto3's client and resource APIs, and stream records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../sim/services/json';
import { createPythonServiceHost, type PythonServiceHost } from '../testing/pythonServiceFixture';

const SETUP = `import boto3
from boto3.dynamodb.conditions import Attr, Key

ddb = boto3.resource("dynamodb")

def lambda_handler(event, context):
    table = ddb.create_table(
        TableName="Orders",
        KeySchema=[{"AttributeName": "customer", "KeyType": "HASH"},
                   {"AttributeName": "orderId", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": t} for n, t in
                              [("customer", "S"), ("orderId", "S"), ("status", "S"), ("placedAt", "N"), ("total", "N")]],
        GlobalSecondaryIndexes=[{
            "IndexName": "byStatus",
            "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"},
                          {"AttributeName": "placedAt", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["total"]},
        }],
        LocalSecondaryIndexes=[{
            "IndexName": "byTotal",
            "KeySchema": [{"AttributeName": "customer", "KeyType": "HASH"},
                          {"AttributeName": "total", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
        }],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    return {
        "gsi": [(i["IndexName"], i["Projection"]["ProjectionType"]) for i in table.global_secondary_indexes],
        "lsi": [(i["IndexName"], i["IndexArn"]) for i in table.local_secondary_indexes],
    }
`;

const READER = `import boto3, json
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

table = boto3.resource("dynamodb").Table("Orders")
client = boto3.client("dynamodb")

def lambda_handler(event, context):
    with table.batch_writer() as batch:
        for customer, order, status, placed, total in [
            ("ada", "o1", "OPEN", 300, 25), ("ada", "o2", "SHIPPED", 100, 90),
            ("bob", "o3", "OPEN", 200, 40), ("bob", "o4", None, 50, 10), ("ada", "o5", "OPEN", 150, 5),
        ]:
            item = {"customer": customer, "orderId": order, "placedAt": placed, "total": total, "note": "n-" + order}
            if status:
                item["status"] = status
            batch.put_item(Item=item)
    open_recent = table.query(
        IndexName="byStatus",
        KeyConditionExpression=Key("status").eq("OPEN") & Key("placedAt").gt(100),
        ScanIndexForward=False,
    )
    cheap = table.query(
        IndexName="byTotal",
        KeyConditionExpression=Key("customer").eq("ada") & Key("total").lt(50),
    )
    big_open = table.scan(IndexName="byStatus", FilterExpression=Attr("total").gte(30))
    counted = client.query(
        TableName="Orders", IndexName="byStatus", Select="COUNT",
        KeyConditionExpression="#s = :s", ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":s": {"S": "OPEN"}},
    )
    try:
        table.query(IndexName="byStatus", Select="ALL_ATTRIBUTES",
                    KeyConditionExpression=Key("status").eq("OPEN"))
        refused = None
    except ClientError as e:
        refused = e.response["Error"]["Code"]
    return json.loads(json.dumps({
        "openRecent": open_recent["Items"],
        "cheap": cheap["Items"],
        "bigOpen": sorted(i["orderId"] for i in big_open["Items"]),
        "counted": [counted["Count"], "Items" in counted],
        "refused": refused,
    }, default=lambda d: int(d)))
`;

const STREAM_CONSUMER = `import boto3, json
sqs = boto3.client("sqs")

def lambda_handler(event, context):
    url = sqs.get_queue_url(QueueName="seen")["QueueUrl"]
    for r in event["Records"]:
        d = r["dynamodb"]
        sqs.send_message(QueueUrl=url, MessageBody=json.dumps(
            {"event": r["eventName"], "keys": d["Keys"], "new": sorted(d.get("NewImage", {}))}))
`;

let host: PythonServiceHost;
beforeAll(() => {
  host = createPythonServiceHost();
});
afterAll(async () => {
  await host.close();
});

describe('DynamoDB secondary indexes with Python handlers', () => {
  it('creates, writes and reads indexes through the resource and client APIs; stream records keep table keys only', async () => {
    const h = host.fresh(41);
    await h.addFunction('setup', SETUP);
    await h.addFunction('reader', READER);
    await h.addFunction('consumer', STREAM_CONSUMER);
    expect(await h.invoke('setup')).toEqual({
      gsi: [['byStatus', 'INCLUDE']],
      lsi: [['byTotal', 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/byTotal']],
    });
    h.ok('sqs', 'CreateQueue', { QueueName: 'seen' });
    const table = h.ok('dynamodb', 'DescribeTable', { TableName: 'Orders' }).Table as JsonObject;
    h.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'consumer',
      EventSourceArn: String(table.LatestStreamArn),
      StartingPosition: 'TRIM_HORIZON',
    });
    const out = (await h.invoke('reader')) as JsonObject;
    expect(out.openRecent).toEqual([
      { status: 'OPEN', placedAt: 300, customer: 'ada', orderId: 'o1', total: 25 },
      { status: 'OPEN', placedAt: 200, customer: 'bob', orderId: 'o3', total: 40 },
      { status: 'OPEN', placedAt: 150, customer: 'ada', orderId: 'o5', total: 5 },
    ]);
    expect(out.cheap).toEqual([
      { customer: 'ada', total: 5, orderId: 'o5' },
      { customer: 'ada', total: 25, orderId: 'o1' },
    ]);
    expect(out.bigOpen).toEqual(['o2', 'o3']);
    expect(out.counted).toEqual([3, false]);
    expect(out.refused).toBe('ValidationException');

    await h.runner.advanceBy(5_000);
    const seen = h.ok('sqs', 'ReceiveMessage', {
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/seen',
      MaxNumberOfMessages: 10,
    }).Messages as JsonObject[];
    const records = seen.map((m) => JSON.parse(String(m.Body)) as JsonObject);
    expect(records).toHaveLength(5);
    expect(records[0]).toEqual({
      event: 'INSERT',
      keys: { customer: { S: 'ada' }, orderId: { S: 'o1' } },
      new: ['customer', 'note', 'orderId', 'placedAt', 'status', 'total'],
    });
  });
});
