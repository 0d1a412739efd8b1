import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHostChild, type HostChild } from './host-process';
import { suiteTempDir } from '../helpers/temp-dir';

// One real host process for the file: a frame that kills it fails every later case too.
let host: HostChild;
const tempDir = suiteTempDir();
let dataDir: string;

beforeAll(async () => {
  dataDir = path.join(tempDir(), 'data');
  host = await startHostChild(dataDir);
}, 60_000);
afterAll(async () => {
  await host.stop();
});

/** Opens an authorised event socket by hand, so the test can then write any bytes it likes. */
function handshake(protocols: string): Promise<{ socket: net.Socket; status: number }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let head = '';
    const onData = (d: Buffer): void => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      resolve({ socket, status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0) });
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.write(
      [
        'GET /api/events HTTP/1.1',
        `Host: 127.0.0.1:${host.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        `Sec-WebSocket-Protocol: ${protocols}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** A client frame: FIN set, the given opcode, masked unless told otherwise. */
function frame(opcode: number, payload: Buffer, masked = true): Buffer {
  const len = payload.length;
  const lenBytes = len < 126 ? Buffer.from([len]) : len < 65536 ? Buffer.from([126, len >> 8, len & 255]) : Buffer.concat([Buffer.from([127]), bigLength(len)]);
  lenBytes[0] = lenBytes[0]! | (masked ? 0x80 : 0);
  if (!masked) return Buffer.concat([Buffer.from([0x80 | opcode]), lenBytes, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x80 | opcode]), lenBytes, mask, body]);
}

function bigLength(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

function closed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.on('error', () => undefined);
    socket.once('close', () => resolve());
  });
}

function appInfo(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/rpc/app.info', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('a bad WebSocket frame closes its own socket and nothing else', () => {
  it.each([
    ['a 100 KiB message', () => frame(0x1, Buffer.alloc(100 * 1024, 0x61))],
    ['an unmasked frame', () => frame(0x1, Buffer.from('hello'), false)],
    ['a reserved opcode', () => frame(0x3, Buffer.from('hello'))],
    ['invalid UTF-8 in a text frame', () => frame(0x1, Buffer.from([0x68, 0xff, 0xfe, 0x69]))],
  ])('%s', async (_label, bytes) => {
    // A well-behaved socket beside the hostile one must keep its stream.
    const bystander = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['levdesk', `token.${host.token}`]);
    await new Promise((resolve, reject) => {
      bystander.once('open', resolve);
      bystander.once('error', reject);
    });
    const { socket, status } = await handshake(`levdesk, token.${host.token}`);
    expect(status).toBe(101);
    socket.write(bytes());
    await closed(socket);
    expect(await appInfo()).toBe(200);
    expect(host.child.exitCode).toBeNull();
    expect(bystander.readyState).toBe(WebSocket.OPEN);
    bystander.close();
  });
});

describe('the levdesk subprotocol', () => {
  it('refuses a socket that carries the token but does not ask for "levdesk"', async () => {
    const { socket, status } = await handshake(`token.${host.token}`);
    socket.destroy();
    expect(status).toBe(403);
  });

  it('agrees on "levdesk" with a socket that asks for it', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['levdesk', `token.${host.token}`]);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    expect(ws.protocol).toBe('levdesk');
    ws.close();
  });
});
