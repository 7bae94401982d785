import json
import os

import boto3

sqs = boto3.client("sqs")
QUEUE_URL = os.environ["QUEUE_URL"]


def lambda_handler(event, context):
    order = json.loads(event["body"])
    # Hand the slow work to the queue and answer at once.
    sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps(order))
    return {
        "statusCode": 202,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"order_id": order["order_id"], "status": "accepted"}),
    }
