import json

PRODUCTS = [
    {"id": "p-1", "name": "Desk lamp"},
    {"id": "p-2", "name": "Floor lamp"},
    {"id": "p-3", "name": "Bookshelf"},
    {"id": "p-4", "name": "Armchair"},
]

def lambda_handler(event, context):
    query = (event.get("queryStringParameters") or {}).get("q", "").lower()
    results = [p for p in PRODUCTS if query in p["name"].lower()]
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"results": results}),
    }
