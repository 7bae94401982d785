from urllib.parse import unquote_plus


def lambda_handler(event, context):
    keys = []
    for record in event["Records"]:
        bucket = record["bucket"]["name"]
        key = unquote_plus(record["object"]["key"])
        print(f"New object: s3://{bucket}/{key}")
        keys.append(key)
    return {"processed": len(keys), "keys": keys}
