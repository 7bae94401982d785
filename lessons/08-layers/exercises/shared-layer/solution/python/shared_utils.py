"""Helpers shared by several functions. Lambda puts this file at /opt/python/shared_utils.py."""

import json


def format_money(cents):
    return f"${cents / 100:.2f}"


def json_response(status, body):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}
