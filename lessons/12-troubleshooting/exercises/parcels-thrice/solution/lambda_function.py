import json
import os

import boto3

sqs = boto3.client("sqs")
WAREHOUSE_QUEUE_URL = os.environ["WAREHOUSE_QUEUE_URL"]


def ship(order):
    order_id = order["order_id"]
    print(f"shipping {order_id}")
    sqs.send_message(
        QueueUrl=WAREHOUSE_QUEUE_URL,
        MessageBody=json.dumps({"order_id": order_id, "address": order["address"]}),
    )


def lambda_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            ship(json.loads(record["body"]))
        except Exception as error:
            # Only this message is retried (and, in the end, dead-lettered).
            print(f"cannot ship message {record['messageId']}: {error!r}")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
