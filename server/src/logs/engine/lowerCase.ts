/**
 * ASCII lower-casing of a block of bytes for case-insensitive literal search (`grep -i`): A-Z get
 * 0x20 added, every other byte (UTF-8 and Japanese multibyte bytes included) stays as it is. A
 * tiny hand-assembled WebAssembly function does 16 bytes per step; where WebAssembly SIMD is
 * missing, a JavaScript loop does 4 bytes per step.
 */

// (func (param $p i32) (param $n i32)) — lower-cases memory[p, p + n) in place, 16 bytes per step
// (up to 15 bytes past p + n are touched: the memory keeps that slack).
const CODE = [
  0x20, 0x00, 0x20, 0x01, 0x6a, 0x21, 0x02, // end = p + n
  0x41, 0xc0, 0x00, 0xfd, 0x0f, 0x21, 0x04, // lo = i8x16.splat(64)  ('A' - 1)
  0x41, 0xdb, 0x00, 0xfd, 0x0f, 0x21, 0x05, // hi = i8x16.splat(91)  ('Z' + 1)
  0x41, 0x20, 0xfd, 0x0f, 0x21, 0x06, // bit = i8x16.splat(0x20)
  0x02, 0x40, 0x03, 0x40, // block loop
  0x20, 0x00, 0x20, 0x02, 0x4f, 0x0d, 0x01, // p >= end → out
  0x20, 0x00, // (store address)
  0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x03, // v = v128.load p
  0x20, 0x03, // v |
  0x20, 0x03, 0x20, 0x04, 0xfd, 0x28, // (v >u lo)
  0x20, 0x03, 0x20, 0x05, 0xfd, 0x26, // & (v <u hi)
  0xfd, 0x4e, 0x20, 0x06, 0xfd, 0x4e, // & bit
  0xfd, 0x50, // or
  0xfd, 0x0b, 0x00, 0x00, // v128.store
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, // p += 16
  0x0c, 0x00, 0x0b, 0x0b, // br loop; end; end
  0x0b,
];

function section(id: number, bytes: number[]): number[] {
  return [id, bytes.length, ...bytes]; // every section here is shorter than 128 bytes
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const locals = [0x02, 0x01, 0x7f, 0x04, 0x7b]; // one i32, four v128
  const body = [...locals, ...CODE];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x02, 0x7f, 0x7f, 0x00]),
    ...section(2, [0x01, 0x01, 0x65, 0x01, 0x6d, 0x02, 0x00, 0x01]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, 0x03, 0x6c, 0x6f, 0x77, 0x00, 0x00]),
    ...section(10, [0x01, body.length, ...body]),
  ]);
}

let memory: WebAssembly.Memory | undefined;
let low: ((p: number, n: number) => void) | undefined;
let wasmFailed = false;
let out = Buffer.alloc(0);

function setUp(): void {
  try {
    memory = new WebAssembly.Memory({ initial: 1 });
    const inst = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()), { e: { m: memory } });
    low = inst.exports.low as (p: number, n: number) => void;
  } catch {
    wasmFailed = true;
    memory = undefined;
  }
}

/** JavaScript fallback: four bytes at a time. */
function lowerJs(b: Buffer, n: number): void {
  const words = new Int32Array(b.buffer, b.byteOffset, (n + 3) >> 2);
  for (let i = 0; i < words.length; i++) {
    const x = words[i];
    const h = x & 0x7f7f7f7f;
    const upper = (h + 0x3f3f3f3f) & ~(h + 0x25252525) & ~x & 0x80808080;
    if (upper) words[i] = x | (upper >>> 2);
  }
}

/**
 * buf[from, to) ASCII-lower-cased, in a buffer reused by the next call (valid until then).
 * @param forceJs use the JavaScript loop (the tests compare both).
 */
export function asciiLower(buf: Buffer, from: number, to: number, forceJs = false): Buffer {
  const n = to - from;
  if (!memory && !wasmFailed && !forceJs) setUp();
  if (memory && low && !forceJs) {
    const need = n + 16;
    if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    const view = Buffer.from(memory.buffer, 0, memory.buffer.byteLength);
    buf.copy(view, 0, from, to);
    low(0, n);
    return view.subarray(0, n);
  }
  if (out.length < n + 4) out = Buffer.allocUnsafe(Math.max(n + 4, 1 << 16));
  buf.copy(out, 0, from, to);
  lowerJs(out, n);
  return out.subarray(0, n);
}
