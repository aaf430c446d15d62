/** An article's bytes turned into the text VS Code would show, with what went wrong on the way. */
export interface DecodedArticle {
  /** The text without BOM; empty when `binary`. */
  text: string;
  /** True when the bytes are not text (NUL bytes): such a file is skipped. */
  binary: boolean;
  warnings: string[];
}

const SNIFF_BYTES = 8192;

/** Decodes UTF-8 (or UTF-16 with a BOM); invalid bytes become U+FFFD with a warning. */
export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), binary: false, warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), binary: false, warnings: [] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.subarray(0, SNIFF_BYTES).includes(0)) {
    return { text: '', binary: true, warnings: ['binary file (NUL bytes): skipped'] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), binary: false, warnings: [] };
  } catch {
    return {
      text: new TextDecoder('utf-8').decode(body),
      binary: false,
      warnings: ['invalid UTF-8: undecodable bytes were replaced with U+FFFD'],
    };
  }
}
