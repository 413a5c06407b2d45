/** A rule set the evaluator cannot run as json-rules-engine would (bad index, unknown operator, ...). */
export class RuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetError';
  }
}
