import json
import time


def lambda_handler(event, context):
    # A slow report: 35 s of (virtual) work, longer than API Gateway will wait.
    time.sleep(35)
    return {"statusCode": 200, "body": json.dumps({"report": "ready"})}
