import boto3

print("Creating DynamoDB resource")
dynamodb = boto3.resource("dynamodb")
table = dynamodb.Table("Orders")


def lambda_handler(event, context):
    fresh = boto3.resource("dynamodb").Table("Orders")
    response = fresh.get_item(Key={"OrderId": event["order_id"]})
    return response.get("Item")
