import json


def format_money(cents):
    return f"${cents / 100:.2f}"


def json_response(status, body):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}


def lambda_handler(event, context):
    return json_response(200, {"order": event["order_id"], "total": format_money(event["total_cents"])})
