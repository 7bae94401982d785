import boto3

table = boto3.resource("dynamodb").Table("Orders-dev")


def lambda_handler(event, context):
    item = table.get_item(Key={"OrderId": event["order_id"]}).get("Item")
    if item is None:
        return {"found": False}
    return {"found": True, "table": "Orders-dev", "status": item["status"]}
