import { Transform, type TransformCallback } from 'node:stream';
import type { ChunkSignatureChain } from './chunk-signatures';
import {
  bodyEndedEarly,
  decodedLengthMismatch,
  malformedChunkedEncoding,
  malformedTrailer,
} from './payload-errors';

/** How an aws-chunked body is to be checked while it is decoded. */
export interface AwsChunkedOptions {
  /** Present for STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: every chunk signature is verified. */
  signatures?: ChunkSignatureChain;
  /** The mode announces trailing headers (…-TRAILER). */
  trailerExpected: boolean;
  /** The trailer x-amz-trailer announced, lower-cased. */
  declaredTrailer?: string;
  /** x-amz-decoded-content-length. */
  decodedLength?: number;
}

type State = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

const MAX_LINE_BYTES = 8 * 1024;
const SIZE_LINE = /^([0-9a-fA-F]{1,13})((?:;[^;]*)*)$/;
const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

/**
 * Strips aws-chunked framing from a request body as it streams, so gigabyte bodies are never held
 * whole. Decoded bytes may be pushed before their chunk's signature is checked; any failure
 * destroys the stream before it ends, so consumers must commit only after a clean 'end'.
 */
export class AwsChunkedDecoder extends Transform {
  /** The trailing headers, lower-cased; complete once the stream has ended. */
  readonly trailers: Record<string, string> = {};
  private state: State = 'size';
  private lineParts: Buffer[] = [];
  private lineBytes = 0;
  private remaining = 0;
  private chunkSignature: string | undefined;
  private decoded = 0;
  private readonly trailerLines: [string, string][] = [];
  private trailerSignature: string | undefined;

  constructor(private readonly options: AwsChunkedOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      // Clients differ on whether the trailer section ends with an empty line; EOF ends it too.
      if (this.state === 'trailer' && this.lineBytes > 0) this.onLine(this.takeLine());
      if (this.state === 'trailer') this.finish();
      if (this.state !== 'done') throw bodyEndedEarly();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private consume(buffer: Buffer): void {
    let offset = 0;
    while (offset < buffer.length) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, buffer.length - offset);
        this.emitData(buffer.subarray(offset, offset + take));
        offset += take;
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      const newline = buffer.indexOf(0x0a, offset);
      const end = newline < 0 ? buffer.length : newline;
      this.appendLine(buffer.subarray(offset, end));
      offset = newline < 0 ? buffer.length : newline + 1;
      if (newline >= 0) this.onLine(this.takeLine());
    }
  }

  private emitData(data: Buffer): void {
    this.decoded += data.length;
    const declared = this.options.decodedLength;
    if (declared !== undefined && this.decoded > declared) {
      throw decodedLengthMismatch(declared, this.decoded);
    }
    this.options.signatures?.update(data);
    this.push(data);
  }

  private appendLine(part: Buffer): void {
    this.lineBytes += part.length;
    if (this.lineBytes > MAX_LINE_BYTES) {
      throw this.state === 'trailer' ? malformedTrailer() : malformedChunkedEncoding();
    }
    if (part.length > 0) this.lineParts.push(part);
  }

  private takeLine(): string {
    const line = Buffer.concat(this.lineParts).toString('latin1');
    this.lineParts = [];
    this.lineBytes = 0;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  private onLine(line: string): void {
    switch (this.state) {
      case 'size':
        return this.onSizeLine(line);
      case 'data-end':
        if (line !== '') throw malformedChunkedEncoding();
        this.options.signatures?.endChunk(this.chunkSignature);
        this.state = 'size';
        return;
      case 'trailer':
        return this.onTrailerLine(line);
      case 'done':
        if (line !== '') throw malformedTrailer();
        return;
      case 'data':
        throw new Error('unreachable: data is not line-framed');
    }
  }

  private onSizeLine(line: string): void {
    const match = SIZE_LINE.exec(line);
    if (!match) throw malformedChunkedEncoding();
    const size = Number.parseInt(match[1] as string, 16);
    this.chunkSignature = (match[2] ?? '')
      .split(';')
      .find((extension) => extension.startsWith('chunk-signature='))
      ?.slice('chunk-signature='.length);
    if (size > 0) {
      this.remaining = size;
      this.state = 'data';
      return;
    }
    // The zero-length chunk is signed like any other and ends the data.
    this.options.signatures?.endChunk(this.chunkSignature);
    this.state = 'trailer';
  }

  private onTrailerLine(line: string): void {
    if (line === '') {
      // AWS's own documentation example puts a blank line between the last chunk and the trailer.
      const trailerStillDue =
        this.options.trailerExpected &&
        this.options.declaredTrailer !== undefined &&
        this.trailerLines.length === 0;
      return trailerStillDue ? undefined : this.finish();
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformedTrailer();
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === TRAILER_SIGNATURE) this.trailerSignature = value;
    else this.trailerLines.push([name, value]);
  }

  private finish(): void {
    const { signatures, trailerExpected, declaredTrailer, decodedLength } = this.options;
    const names = this.trailerLines.map(([name]) => name);
    if (!trailerExpected && (names.length > 0 || this.trailerSignature !== undefined)) {
      throw malformedTrailer();
    }
    if (trailerExpected) {
      const matchesDeclaration = declaredTrailer
        ? names.length === 1 && names[0] === declaredTrailer
        : names.length === 0;
      if (!matchesDeclaration) throw malformedTrailer();
      if (signatures && (names.length > 0 || this.trailerSignature !== undefined)) {
        signatures.verifyTrailer(this.trailerLines, this.trailerSignature);
      }
    }
    if (decodedLength !== undefined && this.decoded !== decodedLength) {
      throw decodedLengthMismatch(decodedLength, this.decoded);
    }
    for (const [name, value] of this.trailerLines) this.trailers[name] = value;
    this.state = 'done';
  }
}
