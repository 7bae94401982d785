import os

import boto3

os.environ["TABLE_NAME"] = "Orders-prod"
TABLE_NAME = os.environ["TABLE_NAME"]
table = boto3.resource("dynamodb").Table(TABLE_NAME)


def lambda_handler(event, context):
    item = table.get_item(Key={"OrderId": event["order_id"]}).get("Item")
    if item is None:
        return {"found": False}
    return {"found": True, "table": TABLE_NAME, "status": item["status"]}
