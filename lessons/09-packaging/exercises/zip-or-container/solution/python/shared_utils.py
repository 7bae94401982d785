"""The team's helpers, shared by every function through the shared-utils layer."""
import json


def json_response(status, body):
    return {"statusCode": status, "body": json.dumps(body)}


def format_money(cents):
    # Whole cents in, so money never passes through floats.
    return f"${cents // 100}.{cents % 100:02d}"
