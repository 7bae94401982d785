import json


def format_money(cents):
    # An older copy: prints "$0.5" for 50 cents.
    return "$" + str(cents / 100)


def json_response(status, body):
    return {"statusCode": status, "body": json.dumps(body)}


def lambda_handler(event, context):
    return json_response(200, {"invoice": event["invoice_id"], "amount": format_money(event["amount_cents"])})
