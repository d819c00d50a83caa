import WebSocket from 'ws';
import { kalshiAuthHeaders } from '../core/signing';
import { KalshiStreamAuthError, KalshiStreamClosedError, KalshiStreamConnectionError } from './errors';
import type { KalshiStreamOptions } from './stream-options';

const WS_PATH_FALLBACK = '/trade-api/ws/v2';

/** What {@link openSocket} needs from the stream. Internal; not exported from the package. */
export interface OpenSocketParams {
  url: string;
  options: KalshiStreamOptions;
  /** The signing timestamp, in ms since the epoch. */
  now: number;
  /** True once the stream was closed: a socket that opens afterwards is dropped. */
  isClosed: () => boolean;
  /** Runs synchronously when the socket opened, before the promise resolves. */
  onOpen: (socket: WebSocket) => void;
  /** Data, ping or pong arrived. */
  onActivity: () => void;
  /** A text frame arrived. */
  onFrame: (text: string) => void;
  /** The socket closed. */
  onClose: (socket: WebSocket, code: number) => void;
}

/** The signed upgrade headers (none without a key). */
function upgradeHeaders(url: string, options: KalshiStreamOptions, now: number): Record<string, string> {
  const { apiKeyId, privateKey } = options;
  if (!apiKeyId || !privateKey) return {};
  const path = new URL(url).pathname || WS_PATH_FALLBACK;
  return { ...kalshiAuthHeaders(apiKeyId, privateKey, now, 'GET', path) };
}

/**
 * Opens one WebSocket with the signed upgrade. Rejects with {@link KalshiStreamAuthError} on
 * 401/403, {@link KalshiStreamConnectionError} on any other failure, and
 * {@link KalshiStreamClosedError} when the stream was closed while connecting.
 */
export function openSocket(params: OpenSocketParams): Promise<void> {
  const { url, options } = params;
  return new Promise<void>((resolve, reject) => {
    const socket = new WebSocket(url, {
      headers: upgradeHeaders(url, options, params.now),
      handshakeTimeout: options.connectTimeoutMs ?? 10_000,
      perMessageDeflate: false,
    });
    let settled = false;
    socket.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      res.resume();
      settled = true;
      socket.terminate();
      const error =
        status === 401 || status === 403
          ? new KalshiStreamAuthError(`the WebSocket upgrade was refused with HTTP ${status}`, {
              status,
              method: 'GET',
              path: new URL(url).pathname,
            })
          : new KalshiStreamConnectionError(`the WebSocket upgrade failed with HTTP ${status}`, { status });
      reject(error);
    });
    socket.once('open', () => {
      settled = true;
      if (params.isClosed()) {
        // close() was called while connecting: this socket must not keep the stream (or the process) alive.
        socket.terminate();
        reject(new KalshiStreamClosedError('the stream was closed while connecting'));
        return;
      }
      params.onOpen(socket);
      resolve();
    });
    socket.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(new KalshiStreamConnectionError(`cannot open ${url}: ${error.message}`, { cause: error }));
      }
    });
    socket.on('message', (data: WebSocket.RawData) => {
      params.onActivity();
      params.onFrame(data.toString());
    });
    socket.on('ping', () => params.onActivity());
    socket.on('pong', () => params.onActivity());
    socket.on('close', (code) => params.onClose(socket, code));
  });
}
