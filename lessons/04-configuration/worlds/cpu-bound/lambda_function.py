def lambda_handler(event, context):
    # Pure CPU work on one thread: a sieve that counts the primes below `limit`.
    limit = int(event.get("limit", 200_000))
    sieve = bytearray([1]) * limit
    sieve[0:2] = b"\x00\x00"
    for n in range(2, int(limit**0.5) + 1):
        if sieve[n]:
            sieve[n * n :: n] = bytes(len(range(n * n, limit, n)))
    return {"limit": limit, "primes": sum(sieve)}
