def lambda_handler(event, context):
    # The model is loaded on first use; torch comes from the package.
    import torch  # noqa: F401

    return {"text": "..."}
