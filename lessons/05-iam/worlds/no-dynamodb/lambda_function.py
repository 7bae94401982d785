import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    return table.get_item(Key={"OrderId": event["order_id"]}).get("Item")
