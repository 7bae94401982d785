"""The team's helpers, shared by every function through the shared-utils layer."""
import json


def json_response(status, body):
    return {"statusCode": status, "body": json.dumps(body)}


# format_money(cents) -> "$19.99": not written yet.
