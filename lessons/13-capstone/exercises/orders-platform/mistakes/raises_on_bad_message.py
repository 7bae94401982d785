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
    for record in event["Records"]:
        fulfil(json.loads(record["body"])["order_id"])
    return {"batchItemFailures": []}
