import json


def lambda_handler(event, context):
    for record in event["Records"]:
        order = json.loads(record["Sns"]["Message"])
        print(f"Reserving {order['items']} item(s) for order {order['order_id']}")
    return {"ok": True}
