import json
import os

# Stories 1, 2 and 3: the REST API in front of the Orders table and the fulfilment queue.
TABLE_NAME = os.environ["TABLE_NAME"]
QUEUE_URL = os.environ["QUEUE_URL"]


def lambda_handler(event, context):
    return {"statusCode": 501, "body": json.dumps({"error": "not built yet"})}
