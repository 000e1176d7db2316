import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSignoffCommand } from '../../../src/core/gate/signoff-command.js';
import { standingLines } from '../../../src/core/gate/standing-lines.js';

const D = `sha256:${'ab'.repeat(32)}`;
const CMD = `/agentgate signoff ${D}`;

describe('a /agentgate signoff line counts only standing on its own', () => {
  it.each([
    ['plain', CMD],
    ['after text', `lgtm\n\n${CMD}\n`],
    ['CRLF line ends', `lgtm\r\n${CMD}\r\n`],
    ['up to three spaces', `   ${CMD}`],
    ['after a closed comment', `<!-- note -->\n${CMD}`],
    ['after a closed fence', `\`\`\`\ncode\n\`\`\`\n${CMD}`],
    ['after a closed tilde fence', `~~~~\ncode\n~~~~\n${CMD}`],
    ['after a quote and a blank line', `> quoted\n\n${CMD}`],
    ['after closed details', `<details>\nx\n</details>\n\n${CMD}`],
    ['after a line break tag', `lgtm<br>\n${CMD}`],
    ['after an empty comment', `<!---->\n${CMD}`],
  ])('counts: %s', (_name, body) => {
    expect(parseSignoffCommand(body)).toBe(D);
  });

  it.each([
    ['inside an HTML comment', `<!--\n${CMD}\n-->`],
    ['inside an unterminated HTML comment', `hello <!-- \n${CMD}`],
    ['after a comment closed and reopened', `<!-- a --> <!--\n${CMD}\n`],
    ['inside a backtick fence', `\`\`\`\n${CMD}\n\`\`\``],
    ['inside a tilde fence', `~~~\n${CMD}\n~~~`],
    ['inside an unterminated fence', `\`\`\`\`\n${CMD}`],
    ['after a shorter closing fence', `\`\`\`\`\n\`\`\`\n${CMD}\n\`\`\`\``],
    ['behind a tilde fence closed by backticks', `~~~\n\`\`\`\n${CMD}\n~~~`],
    ['in an indented code block', `    ${CMD}`],
    ['indented by a tab', `\t${CMD}`],
    ['quoted', `> ${CMD}`],
    ['quoted twice', `> > ${CMD}`],
    ['indented quote', `   >${CMD}`],
    ['lazy continuation of a quote', `> the report said\n${CMD}`],
    ['inside details', `<details>\n<summary>x</summary>\n\n${CMD}\n\n</details>`],
    ['inside unclosed details', `<DETAILS open>\n${CMD}`],
    ['inside pre', `<pre>\n${CMD}\n</pre>`],
    ['inside a div', `<div>\n${CMD}\n</div>`],
    ['inside sub', `<sub>\n\n${CMD}\n\n</sub>`],
    ['after an unclosed span', `<span hidden>x\n${CMD}`],
    ['after an abruptly closed comment', `<!-->\n${CMD}`],
    ['CR-only line ends inside a quote', `> x\r${CMD}`],
    ['a U+2028 line separator inside a quote', `> x\u2028${CMD}`],
    ['a zero-width space before it', `\u200b${CMD}`],
    ['a zero-width joiner inside it', `/agentgate\u200d signoff ${D}`],
    ['a no-break space as the separator', `/agentgate\u00a0signoff ${D}`],
    ['inside a sentence', `please run ${CMD} now`],
    ['in a code span', `\`${CMD}\``],
  ])('does not count: %s', (_name, body) => {
    expect(parseSignoffCommand(body)).toBeNull();
  });

  it('property: wrapping any body in a comment, fence or quote never makes it sign', () => {
    const wrappers = [
      (b: string) => `<!--\n${b}\n-->`,
      (b: string) => `\`\`\`\n${b.replace(/`/g, '')}\n\`\`\``,
      (b: string) => `~~~\n${b.replace(/~/g, '')}\n~~~`,
      (b: string) =>
        b
          .split(/\r\n?|\n/)
          .map((l) => `> ${l}`)
          .join('\n'),
      (b: string) => `<details>\n\n${b.replace(/<\/?details/gi, '')}\n\n</details>`,
    ];
    const lines = fc.array(fc.oneof(fc.constant(CMD), fc.string(), fc.constant('')), { maxLength: 6 });
    fc.assert(
      fc.property(lines, fc.integer({ min: 0, max: wrappers.length - 1 }), (body, w) => {
        const text = (wrappers[w] as (b: string) => string)(body.join('\n'));
        // the wrapped text may itself close the wrapper early (e.g. `-->`): only lines after it may stand
        const standing = standingLines(text);
        for (const line of standing) expect(line).not.toContain('/agentgate signoff');
      }),
      { numRuns: 300 },
    );
  });
});
