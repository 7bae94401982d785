import boto3


def lambda_handler(event, context):
    print("Creating DynamoDB resource")
    dynamodb = boto3.resource("dynamodb")
    table = dynamodb.Table("Orders")
    return table.get_item(Key={"OrderId": event["order_id"]}).get("Item")
