def lambda_handler(event, context):
    for record in event["Records"]:
        if "poison" in record["body"]:
            raise ValueError(f"cannot process {record['messageId']}")
        print(f"processed {record['body']}")
    return {"ok": True}
