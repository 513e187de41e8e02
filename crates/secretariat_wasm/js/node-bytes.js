// A WebAssembly module's bytes in Node (and anywhere `index.cjs` runs): the file beside the entry
// when it is the very one the build embedded, else the embedded base64 copy.

/**
 * @param {{file: string, size: number, sample: number[]}} module what the build knows of the file:
 *   its name, size and bytes sampled at evenly spaced offsets (another version is refused)
 * @param {() => string} embedded the base64 copy, required only when needed
 */
export function bytes(module, embedded) {
  return beside(module) ?? decode(embedded());
}

function beside({ file, size, sample }) {
  // `process.getBuiltinModule` (Node ≥ 20.16): no `require('fs')` for a browser bundler to resolve.
  const fs = globalThis.process?.getBuiltinModule?.('fs');
  if (fs === undefined || typeof __dirname !== 'string') return undefined;
  let found;
  try {
    found = fs.readFileSync(`${__dirname}/${file}`);
  } catch {
    return undefined;
  }
  if (found.length !== size) return undefined;
  for (let i = 0; i < sample.length; i++) {
    if (found[Math.floor((i * size) / sample.length)] !== sample[i]) return undefined;
  }
  return found;
}

/** Bytes from base64, in Node (Buffer) and in browsers (atob: `index.cjs` in a browser bundle). */
function decode(base64) {
  if (typeof Buffer === 'function') return Buffer.from(base64, 'base64');
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
