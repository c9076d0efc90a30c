/**
 * Where a JSON text first goes wrong, for a 400 that says "line 3, column 12: expected a value".
 * JSON.parse does not always say (V8 gives no position for an unexpected token), so this scanner
 * walks the text once. It keeps its own stack instead of recursing: 32 KiB of "[" must not
 * overflow the call stack.
 */

export interface JsonSyntaxError {
  /** Offset of the first character that cannot be there, in UTF-16 units. */
  position: number;
  line: number;
  column: number;
  /** What was expected there, in words. */
  expected: string;
  /** What was found: the character, or "the end of the body". */
  found: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrt';

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Array<'[' | '{'> = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (expected: string) => describe(text, i, expected);

  for (;;) {
    skipSpace();
    const char = text[i];
    if (state === 'value') {
      if (char === '{' || char === '[') {
        stack.push(char);
        i++;
        skipSpace();
        const close = char === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i++;
          state = 'after';
        } else {
          state = char === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (char === '"') {
        const end = stringEnd(text, i);
        if (typeof end !== 'number') return describe(text, end.at, end.expected);
        i = end;
      } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail('a number');
        i = NUMBER.lastIndex;
      } else {
        const literal = LITERALS.find((word) => text.startsWith(word, i));
        if (!literal)
          return fail(
            'a value (an object, list, text in double quotes, number, true, false or null)',
          );
        i += literal.length;
      }
      state = 'after';
    } else if (state === 'key') {
      if (char !== '"') return fail('a property name in double quotes');
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return describe(text, end.at, end.expected);
      i = end;
      skipSpace();
      if (text[i] !== ':') return fail("':' after the property name");
      i++;
      state = 'value';
    } else {
      const open = stack.at(-1);
      if (!open) return i < text.length ? fail('the end of the body') : undefined;
      const close = open === '{' ? '}' : ']';
      if (char === ',') {
        i++;
        state = open === '{' ? 'key' : 'value';
      } else if (char === close) {
        stack.pop();
        i++;
      } else {
        return fail(`',' or '${close}'`);
      }
    }
  }
}

/** Offset just after the closing quote of the string starting at `start`, or where it broke. */
function stringEnd(text: string, start: number): number | { at: number; expected: string } {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20)
      return { at: i, expected: 'no line break or control character inside text (write \\n)' };
    if (code === 0x5c) {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { at: i, expected: 'four hex digits after \\u' };
        }
        i += 6;
        continue;
      }
      if (escape === undefined || !ESCAPES.includes(escape)) {
        return { at: i, expected: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)' };
      }
      i += 2;
      continue;
    }
    i++;
  }
  return { at: text.length, expected: 'a closing double quote' };
}

function describe(text: string, position: number, expected: string): JsonSyntaxError {
  const lines = text.slice(0, position).split('\n');
  const char = text.codePointAt(position);
  return {
    position,
    line: lines.length,
    column: (lines.at(-1)?.length ?? 0) + 1,
    expected,
    found: char === undefined ? 'the end of the body' : JSON.stringify(String.fromCodePoint(char)),
  };
}
