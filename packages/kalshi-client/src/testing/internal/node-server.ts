import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FakeExchangeServer, FakeRequest, FakeResponse } from '../types';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves `handle` over HTTP/1.1 on 127.0.0.1. */
export function startNodeServer(
  handle: (request: FakeRequest) => Promise<FakeResponse>,
  port: number,
  stream?: { upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void; close(): void },
): Promise<FakeExchangeServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    // The client went away (aborted or timed out): a hung `timeout` fault ends here.
    res.on('close', () => controller.abort());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const response = await handle({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        signal: controller.signal,
      });
      if (response.disconnect) {
        req.socket.destroy();
        return;
      }
      res.writeHead(response.status, response.headers);
      res.end(response.status === 204 ? undefined : response.body);
    })().catch(() => {
      req.socket.destroy();
    });
  });
  if (stream) server.on('upgrade', (req, socket, head) => stream.upgrade(req, socket, head));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const origin = `http://127.0.0.1:${actualPort}`;
      resolve({
        url: `${origin}/trade-api/v2`,
        wsUrl: `ws://127.0.0.1:${actualPort}/trade-api/ws/v2`,
        origin,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            stream?.close();
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
