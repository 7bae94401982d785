import boto3

# Init phase: runs once per execution environment.
print("Creating DynamoDB resource")
dynamodb = boto3.resource("dynamodb")
table = dynamodb.Table("Orders")


def lambda_handler(event, context):
    # Invoke phase: runs for every request and reuses the table above.
    response = table.get_item(Key={"OrderId": event["order_id"]})
    return response.get("Item")
