import json
import time


def price_from_database(item):
    # The pricing database answers in about half a second.
    time.sleep(0.5)
    return 42.0


def lambda_handler(event, context):
    item = (event.get("queryStringParameters") or {}).get("item", "lamp")
    price = price_from_database(item)
    return {"statusCode": 200, "body": json.dumps({"item": item, "price": price})}
