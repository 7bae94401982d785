import json

print("Init: loading configuration")
SETTINGS = {"greeting": "Hello"}


def lambda_handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"message": SETTINGS["greeting"]})}
