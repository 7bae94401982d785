import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def fulfil(order_id):
    table.update_item(
        Key={"OrderId": order_id},
        UpdateExpression="SET #s = :s",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":s": "fulfilled"},
    )


def lambda_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            fulfil(json.loads(record["body"])["order_id"])
        except Exception as error:
            print(f"cannot fulfil message {record['messageId']}: {error!r}")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
