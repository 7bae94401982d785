import json

import boto3

lambda_client = boto3.client("lambda")


def lambda_handler(event, context):
    order = json.loads(event["body"])
    # The customer waits while the receipt is rendered and sent.
    lambda_client.invoke(
        FunctionName="receipt-writer",
        InvocationType="RequestResponse",
        Payload=json.dumps(order),
    )
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"order_id": order["order_id"], "status": "confirmed"}),
    }
