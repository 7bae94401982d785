import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def lambda_handler(event, context):
    count = 0
    total = 0
    scan_args = {"Limit": 25}
    while True:
        page = table.scan(**scan_args)
        for order in page["Items"]:
            count += 1
            total += int(order["amount"])
        print(f"read {len(page['Items'])} orders, {count} so far")
        next_start = page.get("LastEvaluatedKey")
        if next_start is None:
            break
        # Each page must start where the previous one stopped.
        scan_args["ExclusiveStartKey"] = next_start
    return {"orders": count, "total": total}
