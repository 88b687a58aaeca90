import { HakobuError } from '../../src-main/contract/api';
import type { Envelope } from '../../src-main/contract/channels';
import type { ConnectionState, ConnectionStatus } from './connection';
import { parseServerFrame, type InvokeFrame } from './frames';

interface Pending {
  frame: string;
  sent: boolean;
  resolve: (envelope: Envelope<unknown>) => void;
  reject: (error: HakobuError) => void;
}

const disconnected = () =>
  new HakobuError('disconnected', 'Lost the connection to Hakobu. Reconnecting…');

/**
 * One self-healing WebSocket to the harness: requests are matched to replies by id, events fan out
 * to listeners, and a dropped socket fails what was in flight (the caller may not be idempotent, so
 * nothing is resent) and reconnects after a backoff delay.
 */
export class SocketClient implements ConnectionStatus {
  private socket: WebSocket | undefined;
  private state: ConnectionState = 'connecting';
  private stopped = false;
  private attempt = 0;
  private nextId = 1;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly statusListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly url: string,
    private readonly delayFor: (attempt: number) => number,
  ) {
    this.connect();
  }

  /** Sends a request and resolves with the server's envelope; rejects only on a lost connection. */
  request(channel: string, args: readonly unknown[]): Promise<Envelope<unknown>> {
    if (this.stopped) return Promise.reject(disconnected());
    const id = this.nextId++;
    const frame: InvokeFrame = { type: 'invoke', id, channel, args };
    return new Promise((resolve, reject) => {
      const entry: Pending = { frame: JSON.stringify(frame), sent: false, resolve, reject };
      this.pending.set(id, entry);
      if (this.state === 'open') this.send(entry);
    });
  }

  /** Adds a listener for a pushed event; returns the unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    let listeners = this.eventListeners.get(event);
    if (!listeners) {
      listeners = new Set();
      this.eventListeners.set(event, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  connectionState(): ConnectionState {
    return this.state;
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Closes the socket for good and fails anything still waiting. */
  close(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.failPending();
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setState('open');
      for (const entry of this.pending.values()) if (!entry.sent) this.send(entry);
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    // An 'error' is always followed by 'close', so 'close' alone drives the reconnect.
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.failPending();
      this.setState('lost');
      if (!this.stopped) {
        this.reconnectTimer = setTimeout(() => this.connect(), this.delayFor(this.attempt++));
      }
    });
  }

  private send(entry: Pending): void {
    entry.sent = true;
    this.socket?.send(entry.frame);
  }

  private receive(data: unknown): void {
    const frame = parseServerFrame(data);
    if (!frame) return;
    if (frame.type === 'result') {
      const id = Number(frame.id);
      const entry = this.pending.get(id);
      if (!entry) return;
      this.pending.delete(id);
      entry.resolve(frame.envelope);
      return;
    }
    for (const listener of this.eventListeners.get(frame.event) ?? []) listener(frame.payload);
  }

  private failPending(): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(disconnected());
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.statusListeners) listener(state);
  }
}
