import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../app/event-bus';
import { WS_PROTOCOL, protocolsOf, tokenFromProtocols, tokensEqual } from './security';

/** The event stream is one-way (host to page); a client message this large is hostile, not ours. */
const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

export interface EventSockets {
  /** Takes an upgrade request that already passed the Host/Origin checks. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/**
 * The WebSocket side of the web host. Every failure stays with its own socket: a bad frame
 * (oversized, unmasked, unknown opcode, invalid UTF-8) or a reset connection closes that socket
 * and nothing else. Without an 'error' listener `ws` would rethrow such an error and end the host.
 */
export function eventSockets(events: EventBus, token: string): EventSockets {
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  wss.on('error', (err) => console.error('web host event stream:', err.message));

  return {
    upgrade(req, socket, head) {
      // A socket that dies during the handshake must not take the process with it either.
      socket.on('error', () => socket.destroy());
      const protocols = protocolsOf(req.headers['sec-websocket-protocol']);
      if (!protocols.includes(WS_PROTOCOL) || !tokensEqual(tokenFromProtocols(req.headers['sec-websocket-protocol']), token)) {
        return refuseUpgrade(socket);
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        const unsubscribe = events.subscribe((frame) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
        });
        ws.on('error', () => ws.terminate());
        ws.on('close', () => {
          unsubscribe();
          sockets.delete(ws);
        });
        // The stream is one-way; a client that talks is ignored rather than trusted.
        ws.on('message', () => undefined);
      });
    },
    close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
    },
  };
}

export function refuseUpgrade(socket: Duplex): void {
  if (socket.writable) socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
}
