import json
import os
import time

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    # Called directly (the old way) the event is one order; from SQS it is a batch of records.
    if "Records" in event:
        orders = [json.loads(record["body"]) for record in event["Records"]]
    else:
        orders = [event]
    for order in orders:
        time.sleep(1.5)  # rendering and e-mailing a PDF receipt is slow
        table.put_item(Item={"OrderId": order["order_id"], "email": order["email"]})
    return {"written": len(orders)}
