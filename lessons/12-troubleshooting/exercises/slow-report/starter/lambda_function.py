import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    count = 0
    total = 0
    scan_args = {"Limit": 25}
    next_start = None
    while True:
        page = table.scan(**scan_args)
        for order in page["Items"]:
            count += 1
            total += int(order["amount"])
        print(f"read {len(page['Items'])} orders, {count} so far")
        next_start = page.get("LastEvaluatedKey")
        if next_start is None:
            break
    return {"orders": count, "total": total}
