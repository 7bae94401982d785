import json

CACHED_PRICE = 42.0


def lambda_handler(event, context):
    item = (event.get("queryStringParameters") or {}).get("item", "lamp")
    return {"statusCode": 200, "body": json.dumps({"item": item, "price": CACHED_PRICE})}
