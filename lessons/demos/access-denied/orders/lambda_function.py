import json
import os

import boto3

# Created once per environment (Init); the role's permissions are checked on every call, not here.
table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    item = table.get_item(Key={"OrderId": event["order_id"]}).get("Item")
    # DynamoDB numbers arrive as Decimal, which json cannot encode on its own.
    return {"statusCode": 200, "body": json.dumps(item, default=str)}
