import json
import os
from decimal import Decimal

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def to_json(value):
    # DynamoDB returns numbers as Decimal, which json.dumps cannot serialise on its own.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def respond(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }


def create_order(event, context):
    try:
        data = json.loads(event.get("body") or "")
    except json.JSONDecodeError:
        return respond(400, {"error": "the body must be JSON"})
    quantity = data.get("quantity") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not data.get("item") or not isinstance(quantity, int) or quantity < 1:
        return respond(400, {"error": "item and a positive whole quantity are required"})
    order = {"OrderId": context.aws_request_id, "item": data["item"], "quantity": quantity}
    table.put_item(Item=order)
    return respond(201, order)


def get_order(event):
    order_id = event["pathParameters"]["orderId"]
    item = table.get_item(Key={"OrderId": order_id}).get("Item")
    if item is None:
        return respond(404, {"error": f"order {order_id} not found"})
    return respond(200, item)


def lambda_handler(event, context):
    method = event["httpMethod"]
    if method == "POST":
        return create_order(event, context)
    if method == "GET":
        return get_order(event)
    return respond(405, {"error": f"{method} is not supported"})
