def lambda_handler(event, context):
    return {"price": 42.0, "version": context.function_version}
