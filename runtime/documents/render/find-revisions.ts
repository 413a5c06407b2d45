// Tracked changes and comments left in a template: LibreOffice prints them (struck-through
// deletions, change bars, comment margins) and a deletion inside a tag leaks into the value, so
// such a template is refused at upload with the steps that accept them in Word and LibreOffice.
import { validationError } from '../../errors/app-error.ts';

// <w:ins …>, <w:del>, <w:moveFrom/>, <w:moveTo …>: the revision marks; <w:delText> is not one.
const revisionPattern = /<w:(ins|del|moveFrom|moveTo)[\s>/]/g;
const commentPattern = /<w:(commentReference|commentRangeStart)[\s>/]/;

export interface RevisionFinding {
  part: string;
  revisions: number;
  comments: boolean;
}

export function findRevisions(parts: ReadonlyMap<string, string>): RevisionFinding[] {
  const findings: RevisionFinding[] = [];
  for (const [part, text] of parts) {
    if (!part.startsWith('word/') || part.startsWith('word/_rels/')) continue;
    const revisions = text.match(revisionPattern)?.length ?? 0;
    const comments = part === 'word/comments.xml' ? /<w:comment[\s>]/.test(text) : commentPattern.test(text);
    if (revisions > 0 || comments) findings.push({ part, revisions, comments });
  }
  return findings;
}

export function refuseRevisions(findings: readonly RevisionFinding[]): void {
  if (findings.length === 0) return;
  const revisions = findings.reduce((sum, finding) => sum + finding.revisions, 0);
  const comments = findings.some((finding) => finding.comments);
  const what = [
    revisions > 0 ? `${revisions} tracked change${revisions === 1 ? '' : 's'}` : '',
    comments ? 'comments' : '',
  ]
    .filter(Boolean)
    .join(' and ');
  throw validationError(
    'TEMPLATE_HAS_REVISIONS',
    `The template still holds ${what}, which would be printed into every document. In Word: Review > Accept > ` +
      'Accept All Changes, then Review > Delete > Delete All Comments in Document, and turn Track Changes off. ' +
      'In LibreOffice: Edit > Track Changes > Accept All, delete the comments (right-click one > Delete All ' +
      'Comments), and turn Edit > Track Changes > Record off. Save as .docx and upload it again.',
    findings.map((finding) => ({
      pointer: `/file/${finding.part}`,
      message: [
        finding.revisions > 0 ? `${finding.revisions} tracked change${finding.revisions === 1 ? '' : 's'}` : '',
        finding.comments ? 'comments' : '',
      ]
        .filter(Boolean)
        .join(' and '),
    })),
  );
}
