// agentgate's own Markdown, printed in a terminal (`check --dry-run` shows the comment it would post). Text from
// the pull request inside it was revealed when it was escaped; what is still invisible there is agentgate's own:
// the emoji presentation selector of its ⚠️ and the word joiner that keeps `@name` and `<!--` inert. Those are
// shown as GitHub shows them; any other invisible character is revealed, as everywhere else.
import { revealLines } from './reveal.js';

const OWN = /\p{Extended_Pictographic}\uFE0F|@\u2060|<!-\u2060-/gu;

export function revealOwnMarkdown(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(OWN)) {
    out += revealLines(text.slice(from, match.index)) + match[0];
    from = match.index + match[0].length;
  }
  return out + revealLines(text.slice(from));
}
