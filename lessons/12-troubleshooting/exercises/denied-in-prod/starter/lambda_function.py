import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    order = {"OrderId": body["order_id"], "item": body["item"]}
    print(f"saving order {order['OrderId']}")
    table.put_item(Item=order)
    return {"statusCode": 201, "body": json.dumps({"order_id": order["OrderId"]})}
