from urllib.parse import unquote_plus


def lambda_handler(event, context):
    keys = []
    # For every record: read the bucket and the (decoded) key,
    # log "New object: s3://<bucket>/<key>" and remember the key.
    return {"processed": len(keys), "keys": keys}
