import json
import random

# Init work: runs once per environment, before the first request it serves.
WORDS = [f"word-{i}" for i in range(20_000)]


def lambda_handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"pick": random.choice(WORDS)})}
