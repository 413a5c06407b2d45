// The WordprocessingML of a mark's box. A sign or stamp mark replaces its paragraph with a bordered
// one-cell table of fixed size (a table survives LibreOffice's conversion exactly, a frame does not
// always); a field mark is an inline bordered run. Each box starts with an anchor: a 2 pt white word
// that pdftotext finds (locate-marks.ts) and nobody sees; a field box also ends with one.
import type { SignatureMark } from '../../../schemas/index.ts';
import { markLabel } from './mark-tag.ts';

/** Size of a sign or stamp box in twentieths of a point (6 cm × 1.8 cm). */
export const blockBox = { width: 3402, height: 1020, marginLeft: 57 } as const;
/** Height of a field box in points above and below its text's baseline. */
export const fieldBox = { above: 9, below: 3 } as const;

// A field's start anchor has no space after it: nothing may break the line between it and its box.
const anchorRun = (anchor: string, trailingSpace = true): string =>
  `<w:r><w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr><w:t xml:space="preserve"> ${anchor}${trailingSpace ? ' ' : ''}</w:t></w:r>`;

const labelProperties = '<w:color w:val="8A94A6"/><w:sz w:val="14"/><w:szCs w:val="14"/>';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function blockMarkXml(mark: SignatureMark, anchor: string): string {
  const border = 'w:val="single" w:sz="4" w:space="0" w:color="9AA4B2"';
  const borders = `<w:tblBorders><w:top ${border}/><w:left ${border}/><w:bottom ${border}/><w:right ${border}/></w:tblBorders>`;
  const margins = `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${blockBox.marginLeft}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${blockBox.marginLeft}" w:type="dxa"/></w:tblCellMar>`;
  const tight = '<w:spacing w:before="0" w:after="0" w:line="40" w:lineRule="exact"/>';
  const anchorParagraph = `<w:p><w:pPr>${tight}</w:pPr>${anchorRun(anchor)}</w:p>`;
  const labelParagraph =
    `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:rPr>${labelProperties}</w:rPr>` +
    `<w:t xml:space="preserve">${escapeXml(markLabel(mark))}</w:t></w:r></w:p>`;
  const table =
    `<w:tbl><w:tblPr><w:tblW w:w="${blockBox.width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>${borders}${margins}</w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${blockBox.width}"/></w:tblGrid>` +
    `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${blockBox.height}" w:hRule="exact"/></w:trPr>` +
    `<w:tc><w:tcPr><w:tcW w:w="${blockBox.width}" w:type="dxa"/></w:tcPr>${anchorParagraph}${labelParagraph}</w:tc></w:tr></w:tbl>`;
  // A table cell must end with a paragraph, and two tables in a row would merge: a hairline one.
  return `${table}<w:p><w:pPr>${tight}</w:pPr></w:p>`;
}

/** Closes the run the tag sat in, writes the box's runs, and reopens a run for the text after it. */
export function fieldMarkXml(mark: SignatureMark, startAnchor: string, endAnchor: string): string {
  const border = '<w:bdr w:val="single" w:sz="4" w:space="0" w:color="9AA4B2"/>';
  // Non-breaking spaces keep the box one piece, wide enough for a value written into it later.
  const label = `\u00a0${escapeXml(markLabel(mark)).replace(/ /g, '\u00a0')}`.padEnd(40, '\u00a0');
  return (
    `</w:t></w:r>${anchorRun(startAnchor, false)}<w:r><w:rPr>${border}${labelProperties}</w:rPr>` +
    `<w:t xml:space="preserve">${label}</w:t></w:r>${anchorRun(endAnchor)}<w:r><w:t xml:space="preserve">`
  );
}
