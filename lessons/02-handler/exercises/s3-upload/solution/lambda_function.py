from urllib.parse import unquote_plus


def lambda_handler(event, context):
    keys = []
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        print(f"New object: s3://{bucket}/{key}")
        keys.append(key)
    return {"processed": len(keys), "keys": keys}
