import json


def lambda_handler(event, context):
    receipts = []
    # For each SNS record: parse the message, log the receipt line, remember the order id.
    return {"receipts": receipts}
