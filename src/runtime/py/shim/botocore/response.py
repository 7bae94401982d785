"""StreamingBody: what S3 GetObject's Body and Lambda Invoke's Payload are."""

import io


class StreamingBody(io.IOBase):
    def __init__(self, raw_bytes):
        self._raw = io.BytesIO(raw_bytes)
        self._content_length = len(raw_bytes)

    def readable(self):
        return True

    def read(self, amt=None):
        return self._raw.read() if amt is None else self._raw.read(amt)

    def iter_lines(self, chunk_size=1024, keepends=False):
        for line in self._raw.read().splitlines(keepends):
            yield line

    def iter_chunks(self, chunk_size=1024):
        while True:
            chunk = self._raw.read(chunk_size)
            if not chunk:
                return
            yield chunk

    def __iter__(self):
        return self.iter_chunks()

    def close(self):
        self._raw.close()

    def __repr__(self):
        return f"<botocore.response.StreamingBody object at {hex(id(self))}>"
