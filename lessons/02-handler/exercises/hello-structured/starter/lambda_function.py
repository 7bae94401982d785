import json


def lambda_handler(event, context):
    # 1. Read "name" from the event; use "World" when it is missing.
    # 2. Log a line that contains "greeting <name>".
    # 3. Return statusCode, headers and a JSON string body.
    return "Hello"
