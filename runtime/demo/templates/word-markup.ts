// Hand-written WordprocessingML for the demo templates. Each text becomes one run, so a tag such
// as {deal.title} is never split across runs and docxtemplater sees it whole.

export type Run = string | { text: string; bold?: boolean; italic?: boolean };

export interface ParagraphOptions {
  style?: 'Title' | 'Subtitle' | 'Heading1' | 'Heading2' | 'Small';
  align?: 'left' | 'center' | 'right' | 'both';
  keepNext?: boolean;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function run(content: Run): string {
  const { text, bold, italic } = typeof content === 'string' ? { text: content } : content;
  const properties = `${bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}`;
  const runProperties = properties ? `<w:rPr>${properties}</w:rPr>` : '';
  return `<w:r>${runProperties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function paragraph(content: Run | readonly Run[], options: ParagraphOptions = {}): string {
  const runs = (Array.isArray(content) ? content : [content]) as readonly Run[];
  const properties = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : '',
    options.keepNext ? '<w:keepNext/>' : '',
    options.align ? `<w:jc w:val="${options.align}"/>` : '',
  ].join('');
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs.map(run).join('')}</w:p>`;
}

export const title = (text: string): string => paragraph(text, { style: 'Title', align: 'center' });
export const subtitle = (content: Run | readonly Run[]): string =>
  paragraph(content, { style: 'Subtitle', align: 'center' });
export const heading = (text: string): string => paragraph(text, { style: 'Heading1', keepNext: true });
export const subheading = (text: string): string => paragraph(text, { style: 'Heading2', keepNext: true });
/** A justified body paragraph, as contracts are set. */
export const clause = (content: Run | readonly Run[]): string => paragraph(content, { align: 'both' });
export const emptyLine = (): string => '<w:p/>';

/** A paragraph that holds only a loop tag: with paragraphLoop, docxtemplater drops it when rendering. */
export const loopTag = (tag: string): string => paragraph(tag);

export interface Column {
  header: string;
  /** Width in twentieths of a point. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

function cell(content: Run | readonly Run[], column: Column, shaded: boolean): string {
  const shading = shaded ? '<w:shd w:val="clear" w:color="auto" w:fill="E7ECF3"/>' : '';
  const properties = `<w:tcPr><w:tcW w:w="${column.width}" w:type="dxa"/>${shading}</w:tcPr>`;
  return `<w:tc>${properties}${paragraph(content, { align: column.align ?? 'left' })}</w:tc>`;
}

/** A bordered table with a repeated, shaded header row. */
export function table(columns: readonly Column[], rows: ReadonlyArray<ReadonlyArray<Run | readonly Run[]>>): string {
  const grid = columns.map((column) => `<w:gridCol w:w="${column.width}"/>`).join('');
  const header = columns.map((column) => cell({ text: column.header, bold: true }, column, true)).join('');
  const body = rows
    .map(
      (cells) =>
        `<w:tr>${cells.map((content, index) => cell(content, columns[index] ?? columns[0]!, false)).join('')}</w:tr>`,
    )
    .join('');
  const properties =
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr>';
  return `<w:tbl>${properties}<w:tblGrid>${grid}</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>${header}</w:tr>${body}</w:tbl>`;
}

/** Two columns side by side without borders, e.g. the parties or the signature block. */
export function sideBySide(left: readonly string[], right: readonly string[], width = 4649): string {
  const noBorders =
    '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>' +
    '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
  const column = (paragraphs: readonly string[]) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraphs.join('')}</w:tc>`;
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${noBorders}</w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${width}"/><w:gridCol w:w="${width}"/></w:tblGrid>` +
    `<w:tr>${column(left)}${column(right)}</w:tr></w:tbl>`
  );
}
