import os

import boto3

TABLE_NAME = os.environ.get("TABLE_NAME", "Orders-dev")
table = boto3.resource("dynamodb").Table(TABLE_NAME)


def lambda_handler(event, context):
    item = table.get_item(Key={"OrderId": event["order_id"]}).get("Item")
    if item is None:
        return {"found": False}
    return {"found": True, "table": TABLE_NAME, "status": item["status"]}
