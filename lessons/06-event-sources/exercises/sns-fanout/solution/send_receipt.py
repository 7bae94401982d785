import json


def lambda_handler(event, context):
    receipts = []
    for record in event["Records"]:
        order = json.loads(record["Sns"]["Message"])
        print(f"Receipt for order {order['order_id']} sent to {order['email']}")
        receipts.append(order["order_id"])
    return {"receipts": receipts}
