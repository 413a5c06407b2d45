// The docxtemplater module for signature marks: {%sign …} and {%stamp …} take their paragraph
// (like {@raw}), {?party field} stays inline. docxtemplater's lexer finds the tags, so a tag that
// Word split across runs works as any other. Each rendered mark gets an anchor unique in the
// document (a mark in a loop or a header renders, and is located, once per occurrence).
import { createRequire } from 'node:module';
import type { DXT } from 'docxtemplater';
import type { SignatureMark } from '../../../schemas/index.ts';
import { blockMarkXml, fieldMarkXml } from './mark-markup.ts';
import { type MarkPrefix, parseMarkTag } from './mark-tag.ts';

interface ExpandOptions {
  moduleName: string;
  getInner: (context: {
    part: DXT.Part;
    left: number;
    right: number;
    postparsed: DXT.Part[];
    index: number;
  }) => DXT.Part;
  expandTo: string;
  error: { message: string; id: string; explanation: (part: DXT.Part) => string };
}
// docxtemplater's own paragraph expansion (the one {@raw} uses), which its typings do not export.
const require = createRequire(import.meta.url);
const traits = require('docxtemplater/js/traits.js') as {
  expandToOne: (postparsed: DXT.Part[], options: ExpandOptions) => { postparsed: DXT.Part[]; errors: unknown[] };
};
const { XTTemplateError } = require('docxtemplater/js/errors.js') as {
  XTTemplateError: new (message: string) => Error & { properties?: object };
};

export const blockMarkModule = 'inkflow-block-mark';
export const fieldMarkModule = 'inkflow-field-mark';

/** A mark as rendered: its anchors are the words locate-marks.ts looks for in the PDF. */
export interface RenderedMark {
  mark: SignatureMark;
  anchor: string;
  endAnchor?: string;
}

const prefixOf: Record<string, MarkPrefix> = { [blockMarkModule]: '%', [fieldMarkModule]: '?' };

export function isMarkPart(part: { module?: string }): boolean {
  return part.module === blockMarkModule || part.module === fieldMarkModule;
}

/** The mark a part stands for; throws with a message for the author when it is not a valid mark. */
export function markOfPart(part: { module?: string; value: string }): SignatureMark {
  return parseMarkTag(prefixOf[part.module ?? ''] ?? '%', part.value);
}

/** `nonce`: 8 upper-case hex digits, so a deal's text cannot forge an anchor it cannot predict. */
export function anchorText(nonce: string, index: number, end = false): string {
  return `IFM${nonce}N${index}${end ? 'Y' : 'Z'}`;
}

export const anchorPattern = /IFM([0-9A-F]{8})N(\d{1,5})([ZY])/;

// The box replaces the whole paragraph: any other text in it would silently vanish, so refuse it.
function aloneInParagraph(context: {
  part: DXT.Part;
  left: number;
  right: number;
  postparsed: DXT.Part[];
  index: number;
}): DXT.Part {
  const { part, left, right, postparsed, index } = context;
  for (let at = left + 1; at < right; at++) {
    const other = postparsed[at] as DXT.Part;
    if (at === index) continue;
    const isText = other.type === 'content' && other.position === 'insidetag' && other.value.trim() !== '';
    if (isText || other.type === 'placeholder') {
      const error = new XTTemplateError('Signature mark not alone in its paragraph');
      error.properties = {
        id: 'signature_mark_not_alone',
        xtag: part.value,
        explanation: `The mark {%${part.value}} takes its whole paragraph for its box: move the other text of that paragraph to a paragraph of its own`,
        offset: part.offset,
      };
      throw error;
    }
  }
  return part;
}

export interface SignatureMarksModule extends DXT.Module {
  rendered: RenderedMark[];
}

export function createSignatureMarksModule(nonce = '00000000'): SignatureMarksModule {
  let fileTypeConfig: { tagRawXml: string } = { tagRawXml: 'w:p' };
  const rendered: RenderedMark[] = [];
  return {
    name: 'SignatureMarksModule',
    rendered,
    matchers: () => [
      ['%', blockMarkModule, {}],
      ['?', fieldMarkModule, {}],
    ],
    optionsTransformer(options: DXT.Options, docxtemplater: { fileTypeConfig: { tagRawXml: string } }) {
      fileTypeConfig = docxtemplater.fileTypeConfig;
      return options;
    },
    postparse(postparsed: DXT.Part[]) {
      return traits.expandToOne(postparsed, {
        moduleName: blockMarkModule,
        getInner: aloneInParagraph,
        expandTo: fileTypeConfig.tagRawXml,
        error: {
          message: 'Signature mark not in a paragraph',
          id: 'signature_mark_outside_paragraph',
          explanation: (part: DXT.Part) =>
            `The mark {%${part.value}} must stand in a paragraph of its own, not in a loop inside a line.`,
        },
      });
    },
    render(part: DXT.Part) {
      if (!isMarkPart(part)) return null;
      const mark = markOfPart(part);
      const anchor = anchorText(nonce, rendered.length + 1);
      if (part.module === blockMarkModule) {
        rendered.push({ mark, anchor });
        return { value: blockMarkXml(mark, anchor), errors: [] };
      }
      const endAnchor = anchorText(nonce, rendered.length + 1, true);
      rendered.push({ mark, anchor, endAnchor });
      return { value: fieldMarkXml(mark, anchor, endAnchor), errors: [] };
    },
  } as unknown as SignatureMarksModule;
}
