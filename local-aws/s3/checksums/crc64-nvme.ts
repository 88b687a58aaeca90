/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, init and xorout all ones), the checksum S3
 * calls CRC64NVME. Kept in two 32-bit halves because BigInt arithmetic per byte is far too slow for
 * multi-gigabyte bodies.
 */
const POLY_HI = 0x9a6c9329;
const POLY_LO = 0xac4bc9b5;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let hi = 0;
  let lo = i;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi = hi >>> 1;
    if (carry) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[i] = hi;
  TABLE_LO[i] = lo;
}

/** An incremental CRC-64/NVME digest. */
export class Crc64Nvme {
  private hi = 0xffffffff;
  private lo = 0xffffffff;

  /** Feeds more bytes into the checksum. */
  update(data: Uint8Array): void {
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < data.length; i++) {
      const index = (lo ^ (data[i] as number)) & 0xff;
      lo = (((lo >>> 8) | ((hi & 0xff) << 24)) ^ (TABLE_LO[index] as number)) >>> 0;
      hi = ((hi >>> 8) ^ (TABLE_HI[index] as number)) >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
  }

  /** The 8-byte big-endian checksum, as S3 base64-encodes it. */
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeUInt32BE((this.hi ^ 0xffffffff) >>> 0, 0);
    out.writeUInt32BE((this.lo ^ 0xffffffff) >>> 0, 4);
    return out;
  }
}
