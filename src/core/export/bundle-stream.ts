/**
 * The line layout that lets a bundle of any size be written and read in pieces while staying one
 * valid JSON document: the header object without its closing brace on the first line, then per
 * collection a `,"name":[` line, one record per line (JSON.stringify never emits a raw newline),
 * a `]` line, and a final `}` line:
 *
 *   {"format":"shortlist-export","version":2,"exportedAt":"…","app":{"version":"…"}
 *   ,"documents":[
 *   {…}
 *   ,{…}
 *   ]
 *   …
 *   }
 *
 * A file that does not start with such a header (a version 1 export, a pretty-printed copy) is not
 * in this layout; the reader then parses it as one JSON value instead.
 */
import { isCollection, type BundleCollection } from './bundle';
import { BackupFormatError } from './migrate';

/** First line: the header object, its closing brace left off so collections can follow. */
export function headerLine(header: object): string {
  return `${JSON.stringify(header).slice(0, -1)}\n`;
}

export function openCollectionLine(collection: BundleCollection): string {
  return `,${JSON.stringify(collection)}:[\n`;
}

export function recordLine(record: unknown, first: boolean): string {
  return `${first ? '' : ','}${JSON.stringify(record)}\n`;
}

export const CLOSE_COLLECTION_LINE = ']\n';
export const END_LINE = '}\n';

/** A header line is short; anything longer is not in the line layout. */
const MAX_HEADER_LINE = 4096;

/** The first line's header object, or undefined when the file is not in the line layout. */
export function parseHeaderLine(line: string): Record<string, unknown> | undefined {
  if (line.length > MAX_HEADER_LINE || !line.startsWith('{"format":')) return undefined;
  try {
    const value: unknown = JSON.parse(`${line}}`);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export type BundleLineEvent =
  | { type: 'open'; collection: BundleCollection }
  | { type: 'record'; collection: BundleCollection; value: unknown }
  | { type: 'close'; collection: BundleCollection }
  | { type: 'end' };

const OPEN_LINE = /^,"([a-z]+)":\[$/;

/** Reads the lines after the header, one at a time; throws BackupFormatError on anything unexpected. */
export class BundleLineParser {
  #collection: BundleCollection | undefined;
  #seen = new Set<BundleCollection>();
  #ended = false;
  #line = 1;

  get ended(): boolean {
    return this.#ended;
  }

  /** Where the reader is, for an "incomplete" message. */
  get position(): string {
    return this.#collection ? `in the middle of "${this.#collection}"` : `after line ${this.#line}`;
  }

  push(line: string): BundleLineEvent | undefined {
    this.#line += 1;
    if (line === '') return undefined;
    if (this.#ended) throw this.#error('text after the end of the backup');
    const collection = this.#collection;
    if (collection === undefined) {
      if (line === '}') {
        this.#ended = true;
        return { type: 'end' };
      }
      const open = OPEN_LINE.exec(line);
      const name = open?.[1];
      if (name === undefined || !isCollection(name)) throw this.#error('an unknown section');
      if (this.#seen.has(name)) throw this.#error(`"${name}" twice`);
      this.#seen.add(name);
      this.#collection = name;
      return { type: 'open', collection: name };
    }
    if (line === ']') {
      this.#collection = undefined;
      return { type: 'close', collection };
    }
    const text = line.startsWith(',') ? line.slice(1) : line;
    if (!text.startsWith('{')) throw this.#error('a line that is not a record');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw this.#error('a damaged record');
    }
    return { type: 'record', collection, value };
  }

  #error(what: string): BackupFormatError {
    return new BackupFormatError(
      'invalid',
      `This backup is damaged: line ${this.#line} has ${what}. Nothing was changed; export a new backup and try again.`,
    );
  }
}

/** Cuts decoded text chunks into lines without joining more than one line's pieces. */
export class LineSplitter {
  #pieces: string[] = [];

  /** The complete lines in this chunk (a line cut by the chunk's end waits for the next chunk). */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    let newline = chunk.indexOf('\n', start);
    while (newline !== -1) {
      this.#pieces.push(chunk.slice(start, newline));
      lines.push(this.#pieces.join('').replace(/\r$/, ''));
      this.#pieces = [];
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.#pieces.push(chunk.slice(start));
    return lines;
  }

  /** What is left after the last newline. */
  end(): string {
    const rest = this.#pieces.join('');
    this.#pieces = [];
    return rest;
  }
}
