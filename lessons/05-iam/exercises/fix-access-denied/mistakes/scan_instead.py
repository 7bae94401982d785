import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    items = table.scan().get("Items", [])
    matches = [item for item in items if item["OrderId"] == event["order_id"]]
    item = matches[0] if matches else None
    return {"found": item is not None, "order": item}
