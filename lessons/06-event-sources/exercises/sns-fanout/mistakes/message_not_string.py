import json
import os

import boto3

sns = boto3.client("sns")
TOPIC_ARN = os.environ["TOPIC_ARN"]


def lambda_handler(event, context):
    order = {"order_id": event["order_id"], "email": event["email"], "items": event["items"]}
    sns.publish(TopicArn=TOPIC_ARN, Subject="order-placed", Message=order)
    return {"accepted": True, "order_id": order["order_id"]}
