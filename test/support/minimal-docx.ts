// A valid DOCX built by hand with pizzip: paragraphs of plain text and, optionally, a bordered
// table after them. Enough for LibreOffice to render, for tests and benchmarks that need a real file.
import PizZip from 'pizzip';

export interface MinimalDocxOptions {
  /** Rows of cells, rendered as one table after the paragraphs; the first row is the header. */
  table?: readonly (readonly string[])[];
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const packageRelationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(text: string, bold = false): string {
  const runProperties = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p><w:r>${runProperties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function table(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const grid = '<w:gridCol w:w="2000"/>'.repeat(columns);
  const body = rows
    .map((row, index) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell, index === 0)}</w:tc>`).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

export function minimalDocx(paragraphs: readonly string[], options: MinimalDocxOptions = {}): Uint8Array {
  const tableXml = options.table && options.table.length > 0 ? table(options.table) + paragraph('') : '';
  const body = paragraphs.map((text) => paragraph(text)).join('') + tableXml;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const zip = new PizZip();
  zip.file('[Content_Types].xml', contentTypes);
  zip.file('_rels/.rels', packageRelationships);
  zip.file('word/document.xml', document);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
