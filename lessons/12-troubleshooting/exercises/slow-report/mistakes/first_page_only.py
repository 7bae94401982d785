import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    count = 0
    total = 0
    page = table.scan(Limit=25)
    for order in page["Items"]:
        count += 1
        total += int(order["amount"])
    print(f"read {len(page['Items'])} orders, {count} so far")
    return {"orders": count, "total": total}
