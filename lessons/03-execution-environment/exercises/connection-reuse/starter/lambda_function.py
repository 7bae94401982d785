import boto3


def lambda_handler(event, context):
    print("Creating DynamoDB resource")
    dynamodb = boto3.resource("dynamodb")
    table = dynamodb.Table("Orders")

    response = table.get_item(Key={"OrderId": event["order_id"]})
    return response.get("Item")
