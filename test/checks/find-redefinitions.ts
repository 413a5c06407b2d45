// Finds where designer code writes out a list of the engine's closed sets again: node kinds, facts,
// operators or diagnostic codes, two or more of one set together in an array, a union type, an
// enum, or the keys of an object or type. Such a list drifts from the engine the day a kind or an
// operator is added. Single uses (`node.type === 'condition'`, `{ amount: 5 }`) are not lists.
import ts from 'typescript';

export interface Vocabulary {
  /** Set name (e.g. "node kind") → its members. */
  sets: Readonly<Record<string, ReadonlySet<string>>>;
  /** Names that are also document fields in schemas/ (amount, stageId): not counted as facts. */
  fieldNames: ReadonlySet<string>;
}

export interface Redefinition {
  file: string;
  line: number;
  set: string;
  names: string[];
  where: 'array' | 'union' | 'enum' | 'object keys' | 'type keys';
}

interface Collection {
  node: ts.Node;
  names: string[];
  where: Redefinition['where'];
}

const stringOf = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

function keyOf(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) return stringOf(name.expression);
  return undefined;
}

function objectKeys(node: ts.ObjectLiteralExpression): string[] {
  return node.properties.flatMap((property) => {
    if (ts.isShorthandPropertyAssignment(property)) return [property.name.text];
    const key = 'name' in property ? keyOf(property.name as ts.PropertyName) : undefined;
    return key === undefined ? [] : [key];
  });
}

function typeKeys(members: ts.NodeArray<ts.TypeElement>): string[] {
  return members.flatMap((member) => {
    const key = keyOf(member.name);
    return key === undefined ? [] : [key];
  });
}

function collectionOf(node: ts.Node): Collection | undefined {
  if (ts.isArrayLiteralExpression(node)) {
    return { node, names: node.elements.flatMap((element) => stringOf(element) ?? []), where: 'array' };
  }
  if (ts.isUnionTypeNode(node)) {
    const names = node.types.flatMap((type) => (ts.isLiteralTypeNode(type) ? (stringOf(type.literal) ?? []) : []));
    return { node, names, where: 'union' };
  }
  if (ts.isEnumDeclaration(node)) {
    const names = node.members.flatMap((member) => [keyOf(member.name), stringOf(member.initializer)]);
    return { node, names: names.filter((name): name is string => name !== undefined), where: 'enum' };
  }
  if (ts.isObjectLiteralExpression(node)) return { node, names: objectKeys(node), where: 'object keys' };
  if (ts.isTypeLiteralNode(node)) return { node, names: typeKeys(node.members), where: 'type keys' };
  if (ts.isInterfaceDeclaration(node)) return { node, names: typeKeys(node.members), where: 'type keys' };
  return undefined;
}

// An object typed by the engine's own key type is checked by the compiler against the engine.
// So is a union passed to the engine's generic (NodeOfKind<'stageEntered' | 'moveDeal'>).
const engineKeyType = /\b(NodeKind|NodeOfKind|OperatorName|DiagnosticCode)\b/;

/** Type aliases of the file by name, to see through `const forms: FormOf = {…}`. */
type Aliases = ReadonlyMap<string, string>;

function mentionsEngineType(type: ts.TypeNode, aliases: Aliases): boolean {
  const text = type.getText();
  return engineKeyType.test(text) || engineKeyType.test(aliases.get(text) ?? '');
}

function typedByEngine(collection: Collection, aliases: Aliases): boolean {
  const parent = collection.node.parent;
  if (!parent) return false;
  if (collection.where === 'union')
    return ts.isTypeReferenceNode(parent) && engineKeyType.test(parent.typeName.getText());
  if (collection.where !== 'object keys') return false;
  if (ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent)) return mentionsEngineType(parent.type, aliases);
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.type) {
    return mentionsEngineType(parent.type, aliases);
  }
  return false;
}

function judge(collection: Collection, vocabulary: Vocabulary, aliases: Aliases): { set: string; names: string[] }[] {
  if (typedByEngine(collection, aliases)) return [];
  const found: { set: string; names: string[] }[] = [];
  for (const [set, members] of Object.entries(vocabulary.sets)) {
    const counts = (name: string) => members.has(name) && !(set === 'fact' && vocabulary.fieldNames.has(name));
    const names = [...new Set(collection.names.filter(counts))];
    if (names.length >= 2) found.push({ set, names });
  }
  return found;
}

export function findRedefinitions(file: string, text: string, vocabulary: Vocabulary): Redefinition[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: Redefinition[] = [];
  const aliases = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type.getText(source));
  }
  const visit = (node: ts.Node): void => {
    const collection = collectionOf(node);
    if (collection) {
      for (const { set, names } of judge(collection, vocabulary, aliases)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file, line, set, names, where: collection.where });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
