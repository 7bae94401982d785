import os

import boto3
import simplejson as json

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    rows = sorted(table.scan()["Items"], key=lambda row: row["Sku"])
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(rows),
    }
