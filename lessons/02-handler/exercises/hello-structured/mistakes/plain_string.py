def lambda_handler(event, context):
    name = event.get("name", "World")
    print(f"{context.aws_request_id} greeting {name}")
    return f"Hello, {name}!"
