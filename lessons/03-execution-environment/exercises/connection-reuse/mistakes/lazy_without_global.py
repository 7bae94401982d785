import boto3

table = None


def lambda_handler(event, context):
    if table is None:
        print("Creating DynamoDB resource")
        table = boto3.resource("dynamodb").Table("Orders")
    response = table.get_item(Key={"OrderId": event["order_id"]})
    return response.get("Item")
