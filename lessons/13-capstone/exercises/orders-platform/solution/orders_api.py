import json
import os
from decimal import Decimal

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
sqs = boto3.client("sqs")
QUEUE_URL = os.environ["QUEUE_URL"]


def to_json(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def respond(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body, default=to_json),
    }


def place_order(event):
    try:
        data = json.loads(event.get("body") or "")
    except json.JSONDecodeError:
        return respond(400, {"error": "the body must be JSON"})
    if not isinstance(data, dict):
        return respond(400, {"error": "the body must be a JSON object"})
    quantity = data.get("quantity")
    if not data.get("order_id") or not data.get("item") or type(quantity) is not int or quantity < 1:
        return respond(400, {"error": "order_id, item and a whole quantity of at least 1 are required"})
    order = {"OrderId": data["order_id"], "item": data["item"], "quantity": quantity, "status": "received"}
    table.put_item(Item=order)
    sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({"order_id": order["OrderId"]}))
    return respond(201, {"order_id": order["OrderId"], "item": order["item"], "quantity": quantity, "status": "received"})


def look_up(event):
    order_id = event["pathParameters"]["orderId"]
    item = table.get_item(Key={"OrderId": order_id}).get("Item")
    if item is None:
        return respond(404, {"error": f"order {order_id} not found"})
    return respond(200, item)


def lambda_handler(event, context):
    if event["httpMethod"] == "POST":
        return place_order(event)
    return look_up(event)
