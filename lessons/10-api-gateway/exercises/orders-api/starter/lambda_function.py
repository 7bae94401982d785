import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def respond(status, body):
    # Return the proxy-integration response: statusCode, headers and a string body.
    raise NotImplementedError


def create_order(event, context):
    # Parse the JSON body, validate "item" and "quantity", store the order
    # with OrderId = context.aws_request_id, and answer 201 with the order.
    raise NotImplementedError


def get_order(event):
    # Read pathParameters.orderId, answer 200 with the item or 404.
    raise NotImplementedError


def lambda_handler(event, context):
    method = event["httpMethod"]
    if method == "POST":
        return create_order(event, context)
    if method == "GET":
        return get_order(event)
    return respond(405, {"error": f"{method} is not supported"})
