import json
import os

import boto3


def lambda_handler(event, context):
    order = {"order_id": event["order_id"], "email": event["email"], "items": event["items"]}
    # Publish the order to the topic whose ARN is in TOPIC_ARN.
    return {"accepted": True, "order_id": order["order_id"]}
