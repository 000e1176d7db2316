const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a file's bytes, or null when they are not UTF-8 (such a file is refused, never guessed at). */
export function decodeUtf8(content: Uint8Array): string | null {
  try {
    return decoder.decode(content);
  } catch {
    return null;
  }
}
