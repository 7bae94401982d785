def lambda_handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    raise RuntimeError(f"cannot decode image {key}")
