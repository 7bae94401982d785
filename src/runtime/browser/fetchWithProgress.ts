/** Fetches several files at once and reports the combined byte progress; fails naming the file and status. */
export interface Download {
  readonly url: string;
  readonly optional?: boolean;
}

export async function fetchAll(
  downloads: readonly Download[],
  onProgress: (loaded: number, total: number) => void,
): Promise<(Uint8Array | null)[]> {
  const loaded = new Array<number>(downloads.length).fill(0);
  const totals = new Array<number>(downloads.length).fill(0);
  const report = () =>
    onProgress(
      loaded.reduce((a, b) => a + b, 0),
      totals.reduce((a, b) => a + b, 0),
    );
  return Promise.all(
    downloads.map(async (download, i) => {
      const name = download.url.split('/').pop() ?? download.url;
      let response: Response;
      try {
        response = await fetch(download.url);
      } catch (error) {
        if (download.optional) return null;
        throw new Error(
          `Could not download ${name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!response.ok || !response.body) {
        if (download.optional) return null;
        throw new Error(`Could not download ${name}: the server answered HTTP ${response.status}.`);
      }
      totals[i] = Number(response.headers.get('content-length') ?? 0);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded[i] = (loaded[i] ?? 0) + value.byteLength;
        report();
      }
      const bytes = new Uint8Array(loaded[i] ?? 0);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return bytes;
    }),
  );
}
