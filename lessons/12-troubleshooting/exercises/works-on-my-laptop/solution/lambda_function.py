import json
import os
from decimal import Decimal

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def as_number(value):
    # DynamoDB numbers arrive as Decimal; JSON wants int or float.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def lambda_handler(event, context):
    rows = sorted(table.scan()["Items"], key=lambda row: row["Sku"])
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(rows, default=as_number),
    }
