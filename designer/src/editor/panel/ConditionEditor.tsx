// The condition tree of a condition node: all/any groups (nested), NOT, and comparison rows whose
// facts, operators and value inputs come from the engine's catalogue for this pipeline.
import { resolveFact } from '../../../../engine/facts/fact-catalogue.ts';
import { type OperatorName, operators } from '../../../../engine/operators/operators.ts';
import type {
  Comparison,
  Condition,
  ConditionGroup,
  DealEvent,
  Pipeline,
} from '../../../../schemas/types.generated.ts';
import {
  appendTo,
  type ConditionPath,
  canRemove,
  childrenOf,
  groupKindOf,
  newGroup,
  removeAt,
  replaceAt,
  setJoiner,
  toggleNot,
} from '../../graph/condition-edits.ts';
import { factsFor, operatorsFor, reshapeComparison, valueInputKind } from '../../graph/fact-options.ts';
import { useT } from '../../i18n/i18n.ts';
import { Field } from './Field.tsx';
import { ValueInput } from './ValueInput.tsx';

interface EditorProps {
  root: ConditionGroup;
  pipeline: Pipeline;
  eventType: DealEvent['type'] | undefined;
  onChange: (next: ConditionGroup, field: string) => void;
}

const starter: Comparison = { fact: 'amount', operator: 'greaterThan', value: 0 };

function ComparisonRow({
  comparison,
  path,
  props,
}: {
  comparison: Comparison;
  path: ConditionPath;
  props: EditorProps;
}) {
  const t = useT();
  const { root, pipeline, eventType, onChange } = props;
  const facts = factsFor(pipeline, eventType);
  const fact = resolveFact(comparison.fact, pipeline);
  const valid = operatorsFor(fact?.type);
  const kind = valueInputKind(comparison.operator, fact?.type);
  const key = path.join('.');
  const set = (next: Comparison, field: string) => onChange(replaceAt(root, path, next), `cond:${key}:${field}`);
  return (
    <fieldset className="comparison">
      <legend className="visually-hidden">{t('condition.comparison')}</legend>
      <Field label={t('condition.fact')}>
        {(id) => (
          <select
            id={id}
            value={comparison.fact}
            onChange={(event) => set(reshapeComparison({ ...comparison, fact: event.target.value }, pipeline), 'fact')}
          >
            {!fact && <option value={comparison.fact}>{t('condition.unknownFact', { fact: comparison.fact })}</option>}
            {facts.map((option) => (
              <option key={option.name} value={option.name}>
                {option.name} — {option.description} ({t(`factType.${option.type}`)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('condition.operator')}>
        {(id) => (
          <select
            id={id}
            value={comparison.operator}
            onChange={(event) =>
              set(reshapeComparison({ ...comparison, operator: event.target.value }, pipeline), 'operator')
            }
          >
            {!valid.includes(comparison.operator as OperatorName) && (
              <option value={comparison.operator}>
                {t('condition.invalidOperator', { operator: comparison.operator })}
              </option>
            )}
            {valid.map((name) => (
              <option key={name} value={name}>
                {operators[name].phrase} ({name})
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind !== 'none' && (
        <Field label={t('condition.value')} hint={kind.endsWith('List') ? t('condition.listHint') : undefined}>
          {(id) => (
            <ValueInput
              id={id}
              kind={kind}
              value={comparison.value}
              onChange={(value) => {
                const { value: _old, ...rest } = comparison;
                set(value === undefined ? rest : { ...rest, value }, 'value');
              }}
            />
          )}
        </Field>
      )}
      <RowActions path={path} props={props} />
    </fieldset>
  );
}

function RowActions({ path, props }: { path: ConditionPath; props: EditorProps }) {
  const t = useT();
  const { root, onChange } = props;
  const key = path.join('.');
  return (
    <div className="condition-actions">
      <button type="button" onClick={() => onChange(toggleNot(root, path), `cond:${key}:not`)}>
        {t('condition.toggleNot')}
      </button>
      <button
        type="button"
        disabled={!canRemove(root, path)}
        title={canRemove(root, path) ? undefined : t('condition.lastMember')}
        onClick={() => onChange(removeAt(root, path), `cond:${key}:remove`)}
      >
        {t('condition.remove')}
      </button>
    </div>
  );
}

function ConditionNodeView({
  condition,
  path,
  props,
}: {
  condition: Condition;
  path: ConditionPath;
  props: EditorProps;
}) {
  const t = useT();
  const kind = groupKindOf(condition);
  if (!kind) return <ComparisonRow comparison={condition as Comparison} path={path} props={props} />;
  const { root, onChange } = props;
  const key = path.join('.');
  const depth = path.length;
  if (kind === 'not') {
    return (
      <fieldset className={`condition-group depth-${depth % 4}`}>
        <legend>{t('condition.not')}</legend>
        <ConditionNodeView condition={childrenOf(condition)[0] as Condition} path={[...path, 0]} props={props} />
        {path.length > 0 && <RowActions path={path} props={props} />}
        {path.length === 0 && (
          <button type="button" onClick={() => onChange(toggleNot(root, path), `cond:${key}:not`)}>
            {t('condition.toggleNot')}
          </button>
        )}
      </fieldset>
    );
  }
  return (
    <fieldset className={`condition-group depth-${depth % 4}`}>
      <legend>{t('condition.group')}</legend>
      <Field label={t('condition.joiner')}>
        {(id) => (
          <select
            id={id}
            value={kind}
            onChange={(event) =>
              onChange(setJoiner(root, path, event.target.value as 'all' | 'any'), `cond:${key}:joiner`)
            }
          >
            <option value="all">{t('condition.all')}</option>
            <option value="any">{t('condition.any')}</option>
          </select>
        )}
      </Field>
      <ol className="condition-members">
        {childrenOf(condition).map((member, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: members are addressed by position
          <li key={index}>
            <ConditionNodeView condition={member} path={[...path, index]} props={props} />
          </li>
        ))}
      </ol>
      <div className="condition-actions">
        <button type="button" onClick={() => onChange(appendTo(root, path, starter), `cond:${key}:add`)}>
          {t('condition.addComparison')}
        </button>
        <button
          type="button"
          onClick={() =>
            onChange(appendTo(root, path, newGroup(kind === 'all' ? 'any' : 'all', starter)), `cond:${key}:addGroup`)
          }
        >
          {t('condition.addGroup')}
        </button>
        {path.length > 0 ? (
          <RowActions path={path} props={props} />
        ) : (
          <button type="button" onClick={() => onChange(toggleNot(root, path), `cond:${key}:not`)}>
            {t('condition.toggleNot')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

export function ConditionEditor(props: EditorProps) {
  return <ConditionNodeView condition={props.root} path={[]} props={props} />;
}
