import http from 'node:http';

export interface UploadResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes the client had handed to the socket when the answer came. */
  sentBytes: number;
}

/**
 * POSTs `totalBytes` of JSON-looking filler to `url` in 64 KB writes (one reused buffer, so the client
 * holds no more than that), with Content-Length or chunked, and stops writing once the server answers.
 */
export function bigUpload(url: string, totalBytes: number, { chunked = false } = {}): Promise<UploadResult> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(totalBytes) }) },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, sentBytes }));
    });
    // NOTE: the server closes the connection after answering 413; the rest of the upload then fails.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const write = () => {
      while (!answered && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}
