import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def save_order(body):
    order = json.loads(body)
    if order["amount_cents"] <= 0:
        raise ValueError(f"amount must be positive: {order['amount_cents']}")
    table.put_item(Item={"OrderId": order["order_id"], "amount_cents": order["amount_cents"]})


def lambda_handler(event, context):
    for record in event["Records"]:
        save_order(record["body"])
    return {"batchItemFailures": []}
