import json


def lambda_handler(event, context):
    # The stage that received the request travels in the event's requestContext.
    stage = (event.get("requestContext") or {}).get("stage", "unknown")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"path": event.get("path"), "stage": stage}),
    }
