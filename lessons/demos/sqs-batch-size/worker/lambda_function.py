import json
import time


def lambda_handler(event, context):
    records = event["Records"]
    # A fixed cost per invocation (think: opening a connection) plus a little per message.
    time.sleep(0.2 + 0.01 * len(records))
    orders = [json.loads(r["body"])["order"] for r in records]
    print(f"processed {len(orders)} message(s): {orders[0]}..{orders[-1]}")
    return {"processed": len(orders)}
