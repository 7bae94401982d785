import os

import boto3

audit = boto3.resource("dynamodb").Table(os.environ["AUDIT_TABLE"])


def lambda_handler(event, context):
    orders = []
    for record in event["Records"]:
        change = record["dynamodb"]
        order_id = change["Keys"]["OrderId"]["S"]
        item = {"EventId": record["eventID"], "OrderId": order_id, "change": record["eventName"]}
        new_image = change.get("NewImage")
        if new_image is not None and "status" in new_image:
            item["status"] = new_image["status"]["S"]
        audit.put_item(Item=item)
        orders.append(order_id)
    return {"written": len(orders), "orders": orders}
