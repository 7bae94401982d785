import json
import os

import boto3

sqs = boto3.client("sqs")
WAREHOUSE_QUEUE_URL = os.environ["WAREHOUSE_QUEUE_URL"]


def lambda_handler(event, context):
    for record in event["Records"]:
        order = json.loads(record["body"])
        order_id = order["order_id"]
        print(f"shipping {order_id}")
        sqs.send_message(
            QueueUrl=WAREHOUSE_QUEUE_URL,
            MessageBody=json.dumps({"order_id": order_id, "address": order["address"]}),
        )
    return {"batchItemFailures": []}
