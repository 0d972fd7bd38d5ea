/**
 * Finding newlines at SIMD speed. A tiny hand-assembled WebAssembly function (16 bytes per step:
 * compare with '\n', bitmask, popcount) returns the position just after the k-th newline, so the
 * indexer crosses 256 lines per call instead of calling Buffer.indexOf once per line. Falls back
 * to an indexOf loop where WebAssembly SIMD is missing.
 */

// (func (param $p i32) (param $n i32) (param $k i32) (result i32)) — see the layout in findKth below.
const CODE = [
  0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x01, // end = p + n
  0x41, 0x0a, 0xfd, 0x0f, 0x21, 0x04, // nl = i8x16.splat(10)
  0x02, 0x40, 0x03, 0x40, // block loop
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x20, 0x01, 0x4b, 0x0d, 0x01, // p + 16 > end → out
  0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x20, 0x04, 0xfd, 0x23, 0xfd, 0x64, 0x69, 0x21, 0x05, // m = popcnt(bitmask(eq(load p, nl)))
  0x20, 0x03, 0x20, 0x05, 0x6a, 0x20, 0x02, 0x4f, 0x0d, 0x01, // c + m >= k → out (locate byte by byte)
  0x20, 0x03, 0x20, 0x05, 0x6a, 0x21, 0x03, // c += m
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, // p += 16
  0x0c, 0x00, 0x0b, 0x0b, // br loop; end; end
  0x02, 0x40, 0x03, 0x40, // block loop (bytes)
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // p >= end → out
  0x20, 0x00, 0x2d, 0x00, 0x00, 0x41, 0x0a, 0x46, // load8_u(p) == 10
  0x04, 0x40, 0x20, 0x03, 0x41, 0x01, 0x6a, 0x22, 0x03, 0x20, 0x02, 0x46, // if: (c = c + 1) == k
  0x04, 0x40, 0x20, 0x00, 0x41, 0x01, 0x6a, 0x0f, 0x0b, 0x0b, // if: return p + 1
  0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x00, // p++
  0x0c, 0x00, 0x0b, 0x0b, // br loop; end; end
  0x41, 0x7f, 0x20, 0x03, 0x6b, // -1 - c
  0x0b,
];

function section(id: number, bytes: number[]): number[] {
  return [id, ...leb(bytes.length), ...bytes];
}
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const locals = [0x03, 0x01, 0x7f, 0x01, 0x7b, 0x01, 0x7f];
  const body = [...locals, ...CODE];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]),
    ...section(2, [0x01, 0x01, 0x65, 0x01, 0x6d, 0x02, 0x00, 0x01]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, 0x04, 0x66, 0x69, 0x6e, 0x64, 0x00, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

/** Finds newlines in buffers that live in its own WebAssembly memory (read into them directly). */
export class NewlineFinder {
  readonly buffer: Buffer;
  private find: ((p: number, n: number, k: number) => number) | undefined;

  constructor(readonly capacity: number) {
    try {
      const memory = new WebAssembly.Memory({ initial: Math.ceil(capacity / 65536) + 1 });
      const inst = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()), { e: { m: memory } });
      this.find = inst.exports.find as (p: number, n: number, k: number) => number;
      this.buffer = Buffer.from(memory.buffer, 0, capacity);
    } catch {
      this.find = undefined; // no SIMD: the indexOf loop below does the work
      this.buffer = Buffer.allocUnsafe(capacity);
    }
  }

  get simd(): boolean {
    return !!this.find;
  }

  /**
   * In buf[from, to): the index just after the k-th newline (k ≥ 1), or -(newlines found) - 1 when
   * there are fewer than k.
   */
  findKth(buf: Buffer, from: number, to: number, k: number): number {
    if (this.find && buf.buffer === this.buffer.buffer) {
      const base = buf.byteOffset;
      const r = this.find(base + from, to - from, k);
      return r >= 0 ? r - base : r;
    }
    let c = 0;
    for (let i = buf.indexOf(10, from); i !== -1 && i < to; i = buf.indexOf(10, i + 1)) if (++c === k) return i + 1;
    return -c - 1;
  }
}
