// The parts every demo template shares around its body: content types, relationships, styles, an
// A4 section and a footer with the page number. Entries carry a fixed date so that building the
// same body twice gives the same bytes.
import PizZip from 'pizzip';
import { escapeXml } from './word-markup.ts';

const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const relationshipNamespace = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Zip stores local time: a date built from local components reads back the same everywhere.
const entryDate = new Date(2026, 0, 1, 0, 0, 0);

const contentTypes = `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;

const packageRelationships = `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${relationshipNamespace}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;

const documentRelationships = `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${relationshipNamespace}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="${relationshipNamespace}/footer" Target="footer1.xml"/>
</Relationships>`;

const paragraphStyle = (id: string, name: string, paragraph: string, run: string): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
  `<w:next w:val="Normal"/><w:qFormat/><w:pPr>${paragraph}</w:pPr><w:rPr>${run}</w:rPr></w:style>`;

const styles = `${xmlHeader}<w:styles xmlns:w="${wordNamespace}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${paragraphStyle('Title', 'Title', '<w:spacing w:after="60"/>', '<w:b/><w:sz w:val="36"/><w:color w:val="1F3864"/>')}
${paragraphStyle('Subtitle', 'Subtitle', '<w:spacing w:after="360"/>', '<w:color w:val="595959"/><w:sz w:val="22"/>')}
${paragraphStyle('Heading1', 'heading 1', '<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>', '<w:b/><w:sz w:val="24"/><w:color w:val="1F3864"/>')}
${paragraphStyle('Heading2', 'heading 2', '<w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/>', '<w:b/><w:sz w:val="21"/>')}
${paragraphStyle('Small', 'Small', '<w:spacing w:after="0"/>', '<w:sz w:val="17"/><w:color w:val="595959"/>')}
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
</w:tblBorders></w:tblPr></w:style>
</w:styles>`;

const footer = (text: string): string =>
  `${xmlHeader}<w:ftr xmlns:w="${wordNamespace}"><w:p><w:pPr><w:pStyle w:val="Small"/><w:jc w:val="center"/></w:pPr>` +
  `<w:r><w:t xml:space="preserve">${escapeXml(text)} · page </w:t></w:r>` +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
  '</w:p></w:ftr>';

const coreProperties = (documentTitle: string): string =>
  `${xmlHeader}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' +
  `${escapeXml(documentTitle)}</dc:title><dc:creator>inkflow demo</dc:creator></cp:coreProperties>`;

// A4 with 23 mm side margins: 9,298 twips of text width, which the tables are sized to.
const section =
  `<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>` +
  '<w:pgMar w:top="1247" w:right="1304" w:bottom="1247" w:left="1304" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';

export interface WordPackage {
  /** The document's title in its properties. */
  documentTitle: string;
  /** Footer text; may hold tags. */
  footerText: string;
  /** The body's paragraphs and tables, in order. */
  body: readonly string[];
}

export function buildWordPackage(word: WordPackage): Uint8Array {
  const document =
    `${xmlHeader}<w:document xmlns:w="${wordNamespace}" xmlns:r="${relationshipNamespace}"><w:body>` +
    `${word.body.join('\n')}${section}</w:body></w:document>`;
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', packageRelationships],
    ['docProps/core.xml', coreProperties(word.documentTitle)],
    ['word/_rels/document.xml.rels', documentRelationships],
    ['word/document.xml', document],
    ['word/styles.xml', styles],
    ['word/footer1.xml', footer(word.footerText)],
  ];
  const zip = new PizZip();
  for (const [name, content] of parts) zip.file(name, content, { date: entryDate });
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
