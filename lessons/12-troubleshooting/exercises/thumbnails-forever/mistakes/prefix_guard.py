import urllib.parse

import boto3

s3 = boto3.client("s3")


def lambda_handler(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        if key.startswith("thumbnails/"):
            continue
        photo = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        preview = photo[:16]  # a stand-in for resizing the image
        s3.put_object(Bucket=bucket, Key=f"thumbnails/{key}", Body=preview)
        print(f"thumbnail of {key} written")
