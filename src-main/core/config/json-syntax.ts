// JSON.parse does not always say where it failed (e.g. "Unexpected token ' '" has no position), and
// its words are V8's. This scanner walks the same grammar only to find the first mistake and
// describe it in the terms people who hand-edit config files understand.

/** Where and why a text is not valid JSON. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

class Failure {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private fail(reason: string, at = this.pos): never {
    throw new Failure(at, reason);
  }

  private space(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos += 1;
      else if (c === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*'))
        this.fail('comments are not allowed in JSON; remove it');
      else return;
    }
  }

  private value(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === undefined) this.fail('the file ends where a value was expected');
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === "'") this.fail('strings must use double quotes (") in JSON, not single quotes');
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.pos))?.[0];
    if (word)
      this.fail(
        `unexpected ${word} where a value was expected (text needs double quotes; true, false and null are lowercase)`,
      );
    this.fail(`unexpected ${JSON.stringify(c)} where a value was expected`);
  }

  private object(): void {
    this.pos += 1;
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return;
    }
    let comma = -1;
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}' && comma >= 0)
          this.fail('trailing comma before "}"; remove the comma', comma);
        this.fail('expected a key in double quotes');
      }
      this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail('expected ":" after the key');
      this.pos += 1;
      this.value();
      this.space();
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos += 1;
        return;
      }
      if (next !== ',') this.fail('expected "," or "}" after the value (is a comma missing?)');
      comma = this.pos;
      this.pos += 1;
    }
  }

  private array(): void {
    this.pos += 1;
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return;
    }
    let comma = -1;
    for (;;) {
      this.space();
      if (this.text[this.pos] === ']' && comma >= 0)
        this.fail('trailing comma before "]"; remove the comma', comma);
      this.value();
      this.space();
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos += 1;
        return;
      }
      if (next !== ',') this.fail('expected "," or "]" after the item (is a comma missing?)');
      comma = this.pos;
      this.pos += 1;
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos += 1;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (c === '"') {
        this.pos += 1;
        return;
      }
      if (c === '\\') {
        const escape = this.text[this.pos + 1] ?? '';
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
          this.pos += 6;
        else if ('"\\/bfnrt'.includes(escape) && escape !== '') this.pos += 2;
        else this.fail('invalid escape in a string (write a backslash as \\\\)');
      } else if (c < ' ') {
        this.fail('a string is missing its closing double quote', start);
      } else {
        this.pos += 1;
      }
    }
    this.fail('a string is missing its closing double quote', start);
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) this.fail('malformed number');
    this.pos += match[0].length;
  }
}

/** Line and column (both from 1) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** Finds the first syntax error in a text, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { offset: error.offset, reason: error.reason, ...lineAndColumn(text, error.offset) };
  }
}
