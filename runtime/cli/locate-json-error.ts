// Finds where a text stops being JSON, as line and column. V8's JSON.parse messages give no position
// for some errors ("Unexpected end of JSON input") and echo the whole text for others, so a person
// editing a flow by hand gets neither; this scanner follows RFC 8259 to the first offending character.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

class SyntaxFault {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const numberPattern = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

class JsonScanner {
  at = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.skipWhitespace();
    if (this.at === this.text.length) throw new SyntaxFault(this.at, 'the file is empty');
    this.value();
    this.skipWhitespace();
    if (this.at < this.text.length) throw new SyntaxFault(this.at, 'unexpected text after the JSON value');
  }

  private skipWhitespace(): void {
    while (' \t\n\r'.includes(this.text[this.at] ?? 'x')) this.at++;
  }

  private unexpected(): SyntaxFault {
    const char = this.text[this.at];
    return new SyntaxFault(
      this.at,
      char === undefined ? 'unexpected end of file' : `unexpected ${JSON.stringify(char)}`,
    );
  }

  private value(): void {
    this.skipWhitespace();
    const char = this.text[this.at];
    if (char === '{') this.members('}', () => this.property());
    else if (char === '[') this.members(']', () => this.value());
    else if (char === '"') this.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.number();
    else this.literal();
  }

  /** The members of an object or array, separated by commas, up to `close`. */
  private members(close: '}' | ']', member: () => void): void {
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      member();
      this.skipWhitespace();
      const char = this.text[this.at];
      if (char === close) {
        this.at++;
        return;
      }
      if (char !== ',') throw new SyntaxFault(this.at, `expected "," or "${close}" but found ${describeFound(char)}`);
      this.at++;
    }
  }

  private property(): void {
    this.skipWhitespace();
    if (this.text[this.at] !== '"') {
      throw new SyntaxFault(
        this.at,
        `expected a property name in double quotes but found ${describeFound(this.text[this.at])}`,
      );
    }
    this.string();
    this.skipWhitespace();
    if (this.text[this.at] !== ':')
      throw new SyntaxFault(this.at, `expected ":" but found ${describeFound(this.text[this.at])}`);
    this.at++;
    this.value();
  }

  private string(): void {
    const start = this.at;
    this.at++;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) throw new SyntaxFault(start, 'unterminated string');
      if (char === '"') break;
      if (char < ' ') throw new SyntaxFault(this.at, 'line break or control character inside a string');
      if (char === '\\') this.escape();
      else this.at++;
    }
    this.at++;
  }

  private escape(): void {
    const kind = this.text[this.at + 1];
    const valid =
      kind === 'u'
        ? /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))
        : '"\\/bfnrt'.includes(kind ?? 'x');
    if (!valid) throw new SyntaxFault(this.at, 'invalid escape sequence in a string');
    this.at += kind === 'u' ? 6 : 2;
  }

  private number(): void {
    numberPattern.lastIndex = this.at;
    const match = numberPattern.exec(this.text);
    if (!match || match[0] === '-') throw new SyntaxFault(this.at, 'invalid number');
    this.at += match[0].length;
  }

  private literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    throw this.unexpected();
  }
}

const describeFound = (char: string | undefined): string =>
  char === undefined ? 'the end of the file' : JSON.stringify(char);

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The first syntax error of `text` with its 1-based line and column; undefined when the text is JSON. */
export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (fault) {
    // A nesting too deep for our recursion is not something we can place; the caller keeps V8's message.
    if (!(fault instanceof SyntaxFault)) return undefined;
    return { ...positionOf(text, fault.offset), reason: fault.reason };
  }
}
