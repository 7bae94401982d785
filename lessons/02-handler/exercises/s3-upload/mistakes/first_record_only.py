from urllib.parse import unquote_plus


def lambda_handler(event, context):
    record = event["Records"][0]
    bucket = record["s3"]["bucket"]["name"]
    key = unquote_plus(record["s3"]["object"]["key"])
    print(f"New object: s3://{bucket}/{key}")
    return {"processed": 1, "keys": [key]}
