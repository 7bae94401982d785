import json


def lambda_handler(event, context):
    name = event["name"]
    print(f"{context.aws_request_id} greeting {name}")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"message": f"Hello, {name}!"}),
    }
