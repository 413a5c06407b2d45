// One place that turns DOCX bytes into a compiled docxtemplater document with the house options,
// for rendering and inspection alike, and turns its template errors into an AppError people can act on.
import Docxtemplater, { type DXT } from 'docxtemplater';
import PizZip from 'pizzip';
import type { ApiErrorDetail } from '../../../schemas/index.ts';
import { type AppError, validationError } from '../../errors/app-error.ts';
import { dotPathParser } from './dot-path-parser.ts';
import {
  createSignatureMarksModule,
  isMarkPart,
  markOfPart,
  type SignatureMarksModule,
} from './signature-marks-module.ts';

export interface OpenTemplateOptions {
  nullGetter?: DXT.Options['nullGetter'];
  modules?: DXT.Module[];
  /** The signature marks module to render with (its `rendered` list fills as it renders); a fresh one by default. */
  marks?: SignatureMarksModule;
}

// docxtemplater hands every tag to the parser, marks included: a mark is checked here (a bad one
// fails compilation with the author's message) and reads no data.
function markAwareParser(tag: string, meta?: { tag?: { module?: string; value: string } }): DXT.Parser {
  const part = meta?.tag;
  if (!part || !isMarkPart(part)) return dotPathParser(tag);
  markOfPart(part);
  return { get: () => '' };
}

export function openTemplate(bytes: Uint8Array, options: OpenTemplateOptions = {}): Docxtemplater<PizZip> {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (error) {
    throw validationError(
      'TEMPLATE_BROKEN_ZIP',
      `The template cannot be read as a zip archive (${messageOf(error)}): save it again from Word as .docx and upload it again.`,
    );
  }
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      parser: markAwareParser as DXT.Options['parser'],
      errorLogging: false,
      ...(options.nullGetter ? { nullGetter: options.nullGetter } : {}),
      modules: [options.marks ?? createSignatureMarksModule(), ...(options.modules ?? [])],
    });
  } catch (error) {
    throw templateError(error);
  }
}

interface TemplaterErrorProperties {
  id?: string;
  explanation?: string;
  xtag?: string;
  file?: string;
  rootError?: unknown;
  errors?: Array<{ properties?: TemplaterErrorProperties }>;
}

function templateError(error: unknown): AppError {
  const properties = (error as { properties?: TemplaterErrorProperties }).properties;
  if (!properties) return validationError('TEMPLATE_NOT_DOCX', notDocxMessage(messageOf(error)));
  const nested = properties.errors;
  if (!nested || nested.length === 0) {
    return validationError('TEMPLATE_NOT_DOCX', notDocxMessage(properties.explanation ?? messageOf(error)));
  }
  const details = nested
    .map((entry) => entry.properties ?? {})
    .filter((entry, _, all) => all.length === 1 || !isEmptyTagEcho(entry))
    .map(tagDetail);
  return validationError(
    'TEMPLATE_TAGS_INVALID',
    `The template has ${details.length} broken placeholder${details.length === 1 ? '' : 's'}: every { needs its }, ` +
      'every {#loop} its {/loop}, and a tag holds a dotted path such as {deal.company.name}. Fix the tags listed ' +
      'in details in Word and upload the template again.',
    details,
  );
}

// A stray "}" also yields an empty tag that our parser refuses: one finding, not two.
function isEmptyTagEcho(properties: TemplaterErrorProperties): boolean {
  return properties.id === 'scopeparser_compilation_failed' && (properties.xtag ?? '').trim() === '';
}

function tagDetail(properties: TemplaterErrorProperties): ApiErrorDetail {
  const explanation = properties.explanation ?? 'Invalid tag';
  const xtag = properties.xtag ?? '';
  const tag = xtag === '' || explanation.includes(xtag) ? '' : ` (tag "${xtag}")`;
  const cause = properties.rootError === undefined ? '' : `: ${messageOf(properties.rootError)}`;
  const where = properties.file ? ` in ${properties.file}` : '';
  return {
    message: `${explanation}${tag}${where}${cause}`,
    code: (properties.id ?? 'invalid_tag').toUpperCase(),
  };
}

function notDocxMessage(reason: string): string {
  return `The template is not a Word document docxtemplater can read (${reason}): save it from Word as .docx and upload it again.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
