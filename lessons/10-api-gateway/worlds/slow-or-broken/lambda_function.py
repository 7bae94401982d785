import json
import time


def report(event, context):
    time.sleep(35)  # a report that takes longer than API Gateway waits
    return {"statusCode": 200, "body": json.dumps({"report": "ready"})}


def status(event, context):
    # The body must be a string; this dict makes the proxy response malformed.
    return {"statusCode": 200, "body": {"ok": True}}
