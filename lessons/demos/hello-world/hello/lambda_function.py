import json

# Module level: runs once per execution environment, during Init.
print("Init: module loaded")


def lambda_handler(event, context):
    name = event.get("name", "World")
    print(f"Hello, {name}! (request {context.aws_request_id})")
    return {"statusCode": 200, "body": json.dumps(f"Hello, {name}")}
