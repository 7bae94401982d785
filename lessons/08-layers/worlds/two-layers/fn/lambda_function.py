from branding import SLOGAN


def lambda_handler(event, context):
    return {"slogan": SLOGAN}
