// Reads the step outputs an Action wrote to GITHUB_OUTPUT.

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, the value's lines, the delimiter. */
export function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      out[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      const [key, value] = line.split(/=(.*)/s);
      out[key as string] = value ?? '';
    }
  }
  return out;
}
