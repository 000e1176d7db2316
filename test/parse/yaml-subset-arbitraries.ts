// Random YAML texts for the subset reader's properties: documents drawn from the plain subset or from a wider
// grammar (tricky scalars and keys, duplicates, nested flow), rendered with random styles, indentation, comments
// and trailing spaces, and random small mutations of them. Nothing here has to be valid YAML: the property only
// asks that the reader is "not sure" or agrees with the strict parser.
import fc from 'fast-check';

export type Grammar = 'subset' | 'wide';

interface Layout {
  flow: boolean;
  /** extra indentation of nested blocks */
  step: number;
  /** a sequence written at its parent key's own indentation */
  flush: boolean;
  /** spaces after a sequence dash */
  dash: number;
}

type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'map'; entries: [string, Tree][]; layout: Layout }
  | { kind: 'seq'; items: Tree[]; layout: Layout };

const TRICKY_SCALARS = [
  ...[
    '1m',
    '30s',
    '1e3',
    '0x1F',
    '007',
    'True',
    'TRUE',
    'tRUE',
    '~',
    'null',
    'Null',
    '.5',
    '-1',
    '+1',
    '1.0',
    '0',
    '10',
  ],
  ...[
    'yes',
    'no',
    'on',
    'y',
    'a: b',
    'a #b',
    '@x',
    '-x',
    'x-',
    'x:y',
    'x:',
    '"q w"',
    "'q'",
    '.inf',
    '.nan',
    '1_000',
  ],
  ...[
    '%x',
    '&a',
    '*a',
    '!t',
    '|',
    '>',
    '? a',
    '- a',
    '[a]',
    '{a: b}',
    'a, b',
    "it's",
    'a\\b',
    '"a\\"b"',
    "'a''b'",
  ],
  ...[
    '1:20',
    '0o7',
    '0b1',
    '12345678901234567890',
    '-',
    ':',
    '',
    ' a',
    'a ',
    '__proto__',
    'svc:*',
    'http://x',
  ],
];
const TRICKY_KEYS = [
  'a.b',
  '"q"',
  "'q'",
  'true',
  'null',
  '1',
  'y',
  '__proto__',
  'a b',
  '-a',
  'a:',
  '? a',
  '',
  '[a]',
  '~',
];
const PLAIN_KEYS = ['a', 'b', 'name', 'scopes', 'x_1', '_p', 'toString', 'constructor'];
const WILD_CHARS = 'ab0 :#-.,\'"/@*&!?_[]{}~\\|>%'.split('');
const MUTATION_CHARS = ' :#-[]{},"\'\n\t&*!|>'.split('');

function styled(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.constantFrom('plain', 'plain', 'double', 'single'))
    .map(([t, style]) => (style === 'double' ? `"${t}"` : style === 'single' ? `'${t}'` : t));
}

function scalarText(grammar: Grammar): fc.Arbitrary<string> {
  const safe = fc.oneof(
    fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.()/:-]{0,10}[A-Za-z0-9.)]$/),
    fc.nat().map(String),
    fc.constantFrom('true', 'false', 'null', 'True', 'FALSE', '1m', '30s', 'svc:read', 'svc:*'),
  );
  // an indicator first is plain in neither grammar's safe vocabulary: it is quoted there
  const quoted = fc.constantFrom('"@acme/x"', "'*.acme.internal'", '"^T-[0-9]+$"', '"a, b: c"', "'{x}'");
  if (grammar === 'subset') return fc.oneof(styled(safe), quoted);
  return fc.oneof(
    styled(safe),
    styled(fc.constantFrom(...TRICKY_SCALARS)),
    fc.string({ unit: fc.constantFrom(...WILD_CHARS), maxLength: 6 }),
  );
}

function keyText(grammar: Grammar): fc.Arbitrary<string> {
  const plain = fc.oneof(fc.constantFrom(...PLAIN_KEYS), fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/));
  return grammar === 'subset' ? plain : fc.oneof(plain, fc.constantFrom(...TRICKY_KEYS));
}

const LAYOUT: fc.Arbitrary<Layout> = fc.record({
  flow: fc.boolean(),
  step: fc.integer({ min: 1, max: 4 }),
  flush: fc.boolean(),
  dash: fc.integer({ min: 1, max: 2 }),
});

function treeArbitrary(grammar: Grammar): fc.Arbitrary<Tree> {
  const key = keyText(grammar);
  // the subset's documents hold something: an empty one is not sure by design
  const minLength = grammar === 'subset' ? 1 : 0;
  const { map, seq } = fc.letrec<{ node: Tree; scalar: Tree; map: Tree; seq: Tree }>((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('scalar'), tie('map'), tie('seq')),
    scalar: scalarText(grammar).map((text) => ({ kind: 'scalar' as const, text })),
    map: fc.record({
      kind: fc.constant('map' as const),
      entries:
        grammar === 'subset'
          ? fc.uniqueArray(fc.tuple(key, tie('node')), { selector: ([k]) => k, maxLength: 4 })
          : fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }),
      layout: LAYOUT,
    }),
    seq: fc.record({
      kind: fc.constant('seq' as const),
      items: fc.array(tie('node'), { maxLength: 4 }),
      layout: LAYOUT,
    }),
  }));
  return fc
    .oneof(map, seq)
    .filter(
      (tree) =>
        (tree.kind === 'map' ? tree.entries.length : tree.kind === 'seq' ? tree.items.length : 1) >=
        minLength,
    );
}

/** A flow rendering, when the subset allows it (scalars only) or the grammar is wide (nested flow too). */
function inline(tree: Tree, grammar: Grammar): string | undefined {
  if (tree.kind === 'scalar') return tree.text;
  const children = tree.kind === 'map' ? tree.entries.map(([, v]) => v) : tree.items;
  if (!tree.layout.flow && children.length > 0) return undefined;
  if (grammar === 'subset' && children.some((child) => child.kind !== 'scalar')) return undefined;
  const parts: string[] = [];
  if (tree.kind === 'map')
    for (const [k, v] of tree.entries) parts.push(`${k}: ${inline(v, grammar) ?? '{}'}`);
  else for (const item of tree.items) parts.push(inline(item, grammar) ?? '[]');
  const pad = tree.layout.dash === 1 ? ' ' : '';
  return tree.kind === 'map' ? `{${pad}${parts.join(', ')}${pad}}` : `[${parts.join(pad ? ', ' : ',')}]`;
}

function render(tree: Tree, indent: number, grammar: Grammar, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (tree.kind === 'map') {
    for (const [k, v] of tree.entries) {
      const flow = inline(v, grammar);
      if (flow !== undefined) out.push(`${pad}${k}: ${flow}`);
      else {
        out.push(`${pad}${k}:`);
        const flush = v.kind === 'seq' && v.layout.flush;
        render(v, flush ? indent : indent + tree.layout.step, grammar, out);
      }
    }
  } else if (tree.kind === 'seq') {
    for (const item of tree.items) {
      const flow = inline(item, grammar);
      const dash = `${pad}-${' '.repeat(tree.layout.dash)}`;
      if (flow !== undefined) out.push(`${dash}${flow}`);
      else if (item.kind === 'map') {
        // the first key goes on the dash line, the rest at its column
        const start = out.length;
        render(item, dash.length, grammar, out);
        out[start] = dash + (out[start] ?? '').slice(dash.length);
      } else {
        out.push(`${pad}-`);
        render(item, indent + tree.layout.step, grammar, out);
      }
    }
  }
}

interface Decoration {
  at: number;
  kind: 'blank' | 'comment' | 'indented-comment' | 'trailing-spaces';
}

const DECORATIONS: fc.Arbitrary<Decoration[]> = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('blank', 'comment', 'indented-comment', 'trailing-spaces'),
  }),
  { maxLength: 3 },
);

function decorate(lines: string[], decorations: Decoration[]): string[] {
  const result = [...lines];
  for (const { at, kind } of decorations) {
    const index = at % (result.length + 1);
    if (kind === 'trailing-spaces' && index < result.length) result[index] += '  ';
    else if (kind === 'blank') result.splice(index, 0, '');
    else if (kind === 'comment') result.splice(index, 0, '# note');
    else if (kind === 'indented-comment') result.splice(index, 0, '     # note');
  }
  return result;
}

export function documentArbitrary(grammar: Grammar): fc.Arbitrary<string> {
  return fc.tuple(treeArbitrary(grammar), DECORATIONS, fc.boolean()).map(([tree, decorations, newline]) => {
    const lines: string[] = [];
    render(tree, 0, grammar, lines);
    return decorate(lines, decorations).join('\n') + (newline ? '\n' : '');
  });
}

interface Edit {
  op: 'insert' | 'delete' | 'replace';
  at: number;
  char: string;
}

function applyEdit(text: string, { op, at, char }: Edit): string {
  const i = at % (text.length + 1);
  if (op === 'insert') return text.slice(0, i) + char + text.slice(i);
  if (op === 'delete') return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + char + text.slice(i + 1);
}

/** A document from either grammar, or one of `texts`, with one to three single-character edits. */
export function mutatedArbitrary(texts: readonly string[] = []): fc.Arbitrary<string> {
  const edit = fc.record({
    op: fc.constantFrom('insert', 'delete', 'replace'),
    at: fc.nat(),
    char: fc.constantFrom(...MUTATION_CHARS),
  });
  const generated = [documentArbitrary('subset'), documentArbitrary('wide')];
  const source =
    texts.length > 0 ? fc.oneof(...generated, fc.constantFrom(...texts)) : fc.oneof(...generated);
  return fc
    .tuple(source, fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([text, edits]) => edits.reduce(applyEdit, text));
}

const SCALAR_CHARS = [...WILD_CHARS, ...'eExXoObB19.+-_ tTnNyY'.split('')];
const SCALAR_PLACES = [
  (s: string) => `a: ${s}\n`,
  (s: string) => `a: [${s}]\n`,
  (s: string) => `a: [b, ${s}]\n`,
  (s: string) => `a: { k: ${s} }\n`,
  (s: string) => `- ${s}\n`,
  (s: string) => `${s}: 1\n`,
  (s: string) => `- ${s}: 1\n`,
  (s: string) => `a: { ${s}: 1 }\n`,
];

/** One random run of characters, as a value, a flow entry or a key: dense in scalar edge cases. */
export function scalarPlaceArbitrary(): fc.Arbitrary<string> {
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...SCALAR_CHARS), maxLength: 8 }),
    fc.constantFrom(...TRICKY_SCALARS, ...TRICKY_KEYS),
  );
  return fc.tuple(text, fc.constantFrom(...SCALAR_PLACES)).map(([s, place]) => place(s));
}
