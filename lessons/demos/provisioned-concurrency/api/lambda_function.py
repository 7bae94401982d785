import json
import os

# Shows which kind of environment answered: on-demand or provisioned-concurrency.
INIT_TYPE = os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
TABLE = {f"sku-{i}": i for i in range(20_000)}


def lambda_handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"initType": INIT_TYPE})}
