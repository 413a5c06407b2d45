// A flow node on the canvas: kind, label, summary, its problems (icon + text) and its handles.
// Memoised: React Flow re-renders it only when its canvas node object changes.
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo, useContext } from 'react';
import { roleOf } from '../../../../engine/flow/node-kinds.ts';
import type { FlowNodeData } from '../../graph/flow-mapping.ts';
import { summarizeNode } from '../../graph/node-summary.ts';
import { useT } from '../../i18n/i18n.ts';
import { CanvasPipelineContext } from '../canvas-context.ts';
import { kindTitle } from '../kind-title.ts';

const roleIcons = { trigger: '▶', condition: '◆', action: '✉' } as const;

// Zoomed out (below 0.45, CompactZoom.tsx) the text is unreadable anyway: the canvas gets the class
// `is-compact` and CSS hides label, summary, problems and note (the box keeps its size, so nothing is
// measured again) and shows the problem count. One class on the canvas, not 500 cards re-rendered.
function FlowNodeCardView({ data, selected }: NodeProps<Node<FlowNodeData>>) {
  const t = useT();
  const pipeline = useContext(CanvasPipelineContext);
  const { node, decoration } = data;
  const role = roleOf(node);
  const issues = decoration?.issues ?? [];
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const label = 'label' in node.data ? node.data.label : undefined;
  const classes = [
    'flow-node',
    `role-${role}`,
    selected ? 'is-selected' : '',
    decoration?.state ? `state-${decoration.state}` : '',
    errors > 0 ? 'has-error' : issues.length > 0 ? 'has-warning' : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      {role !== 'trigger' && <Handle type="target" position={Position.Left} aria-label={t('canvas.input')} />}
      <div className="flow-node-kind">
        <span aria-hidden="true">{roleIcons[role]}</span> {kindTitle(node.type)}
        {decoration?.state && (
          <span className={`state-badge state-badge-${decoration.state}`}>{t(`overlay.${decoration.state}`)}</span>
        )}
      </div>
      {label && <div className="flow-node-label">{label}</div>}
      <div className="flow-node-summary">{summarizeNode(node, pipeline)}</div>
      {issues.length > 0 && (
        <div className={`flow-node-issue-count ${errors > 0 ? 'issue-error' : 'issue-warning'}`} aria-hidden="true">
          {errors > 0 ? '✖' : '⚠'} {issues.length}
        </div>
      )}
      {issues.length > 0 && (
        <ul className="flow-node-issues">
          {issues.slice(0, 2).map((issue) => (
            <li key={`${issue.code}:${issue.message}`} className={`issue-${issue.severity}`}>
              <span aria-hidden="true">{issue.severity === 'error' ? '✖' : '⚠'}</span>
              <span className="visually-hidden">{t(issue.severity === 'error' ? 'error.icon' : 'warning.icon')}: </span>
              <strong>{issue.code}</strong> {issue.message}
            </li>
          ))}
          {issues.length > 2 && <li>{t('canvas.moreIssues', { count: issues.length - 2 })}</li>}
        </ul>
      )}
      {decoration?.note && <div className="flow-node-note">{decoration.note}</div>}
      {role === 'trigger' && <Handle type="source" position={Position.Right} aria-label={t('canvas.output')} />}
      {role === 'condition' && (
        <>
          <Handle
            type="source"
            id="true"
            position={Position.Right}
            className="handle-true"
            style={{ top: '30%' }}
            aria-label={t('canvas.trueBranch')}
          />
          <span className="handle-label handle-label-true" style={{ top: '30%' }}>
            ✓ {t('canvas.true')}
          </span>
          <Handle
            type="source"
            id="false"
            position={Position.Right}
            className="handle-false"
            style={{ top: '70%' }}
            aria-label={t('canvas.falseBranch')}
          />
          <span className="handle-label handle-label-false" style={{ top: '70%' }}>
            ✗ {t('canvas.false')}
          </span>
        </>
      )}
    </div>
  );
}

type CardProps = NodeProps<Node<FlowNodeData>>;
const sameDecoration = (a: FlowNodeData['decoration'], b: FlowNodeData['decoration']) =>
  a === b ||
  (a !== undefined && b !== undefined && a.issuesKey === b.issuesKey && a.state === b.state && a.note === b.note);

// What the card shows; its position is not in it, so a move or an auto-layout of 500 nodes moves
// their wrappers without rendering any card again.
const sameCard = (a: CardProps, b: CardProps): boolean =>
  a.id === b.id &&
  a.selected === b.selected &&
  a.data.readOnly === b.data.readOnly &&
  a.data.node.type === b.data.node.type &&
  a.data.node.data === b.data.node.data &&
  sameDecoration(a.data.decoration, b.data.decoration);

export const FlowNodeCard = memo(FlowNodeCardView, sameCard);
