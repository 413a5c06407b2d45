// Generated from schemas/*.schema.json by schemas/generate-types.ts. Do not edit by hand.

/**
 * A stable id: letters, digits and . _ : - (1 to 128 characters).
 * 
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "identifier".
 */
export type Identifier = string
/**
 * An open list of document types (contract, invoice, nda, ...): lower-case letters, digits, _ and -.
 * 
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "documentType".
 */
export type DocumentType = string
/**
 * A custom deal field name as used in facts (fields.<name>).
 * 
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "fieldName".
 */
export type FieldName = string
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "scalar".
 */
export type Scalar = (string | number | boolean | null)
/**
 * A json-rules-engine condition tree: all / any / not groups over fact comparisons. Flows and compiled rule sets share this shape.
 */
export type ConditionGroup = (AllGroup | AnyGroup | NotGroup)
export type Condition = (AllGroup | AnyGroup | NotGroup | Comparison)
/**
 * What an action node does. The flow node's data, the compiled rule's event params and the action plan all carry these settings.
 */
export type ActionSettings = (SendDocumentSettings | MoveDealSettings | CallWebhookSettings)
/**
 * Who signs for our company: a named employee or the deal's responsible user.
 */
export type CompanySigner = (EmployeeSigner | ResponsibleUserSigner)
/**
 * Which of the deal's contacts sign: all of them, or those with a given role.
 */
export type Counterparties = (AllContacts | ContactsWithRole)
export type SigningOrder = ("companyFirst" | "clientsFirst" | "parallel")
/**
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "flowNode".
 */
export type FlowNode = ((StageEnteredNode | DocumentCompletedNode | DocumentDeclinedNode | ConditionNode | SendDocumentNode | MoveDealNode | CallWebhookNode) & {
type: ("stageEntered" | "documentCompleted" | "documentDeclined" | "condition" | "sendDocument" | "moveDeal" | "callWebhook")
})
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "plannedAction".
 */
export type PlannedAction = (PlannedSendDocument | PlannedMoveDeal | PlannedCallWebhook)
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "conditionTrace".
 */
export type ConditionTrace = (GroupTrace | ComparisonTrace)

export interface InkflowSchemas {
"common.schema.json"?: Common
"pipeline.schema.json"?: Pipeline
"condition.schema.json"?: ConditionGroup
"action.schema.json"?: ActionSettings
"flow.schema.json"?: Flow
"deal-event.schema.json"?: DealEvent
"rule-set.schema.json"?: RuleSet
"action-plan.schema.json"?: ActionPlan
"diagnostic.schema.json"?: Diagnostic
"api-error.schema.json"?: ApiError
}
/**
 * Small shapes shared by the other schemas.
 */
export interface Common {
[k: string]: unknown | undefined
}
/**
 * A sales pipeline: its ordered stages and the custom deal fields that flows may test.
 */
export interface Pipeline {
id: Identifier
name: string
/**
 * @minItems 1
 * @maxItems 200
 */
stages: Stage[]
/**
 * @maxItems 500
 */
fields?: CustomField[]
}
/**
 * This interface was referenced by `Pipeline`'s JSON-Schema
 * via the `definition` "stage".
 */
export interface Stage {
id: Identifier
name: string
}
/**
 * A custom deal field (deal.fields.<id>) with the type that conditions on it must respect.
 * 
 * This interface was referenced by `Pipeline`'s JSON-Schema
 * via the `definition` "customField".
 */
export interface CustomField {
id: FieldName
label?: string
type: ("number" | "string" | "boolean")
}
export interface AllGroup {
/**
 * @minItems 1
 * @maxItems 200
 */
all: Condition[]
}
export interface AnyGroup {
/**
 * @minItems 1
 * @maxItems 200
 */
any: Condition[]
}
export interface NotGroup {
not: Condition
}
/**
 * fact <operator> value. Facts and operators are checked against the fact catalogue by the flow validator, so that the error names the node.
 */
export interface Comparison {
fact: string
operator: string
/**
 * Absent only for the operators exists and notExists.
 */
value?: (Scalar | Scalar[])
}
export interface SendDocumentSettings {
label?: string
documentType: DocumentType
/**
 * The template to render; an empty string is a draft that validation reports as ACTION_TEMPLATE_MISSING.
 */
templateId: string
/**
 * When two rules could send the same document type for one event, the higher priority wins (first hit wins on the sorted list).
 */
priority?: number
companySigner: CompanySigner
counterparties: Counterparties
signingOrder: SigningOrder
linkExpiryDays: number
}
export interface EmployeeSigner {
kind: "employee"
employeeId: Identifier
}
export interface ResponsibleUserSigner {
kind: "responsibleUser"
}
export interface AllContacts {
kind: "allContacts"
}
export interface ContactsWithRole {
kind: "role"
role: string
}
export interface MoveDealSettings {
label?: string
stageId: Identifier
}
export interface CallWebhookSettings {
label?: string
url: string
}
/**
 * A flow: what happens to deals of one pipeline, drawn as a graph of nodes and edges in React Flow's shape (id, type, position, data).
 */
export interface Flow {
/**
 * The flow language version; this build reads 1.
 */
schemaVersion: 1
id: Identifier
/**
 * Published version number (set by the runtime; 1 when absent).
 */
version?: number
name: string
description?: string
pipeline: Pipeline
/**
 * @maxItems 5000
 */
nodes: FlowNode[]
/**
 * @maxItems 20000
 */
edges: FlowEdge[]
}
/**
 * Trigger: a deal of the flow's pipeline enters a stage.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "stageEnteredNode".
 */
export interface StageEnteredNode {
id: Identifier
type: "stageEntered"
position: Position
data: StageEnteredData
}
/**
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "position".
 */
export interface Position {
x: number
y: number
}
export interface StageEnteredData {
label?: string
stageId: Identifier
}
/**
 * Trigger: every signer has signed a document of this type.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "documentCompletedNode".
 */
export interface DocumentCompletedNode {
id: Identifier
type: "documentCompleted"
position: Position
data: DocumentTriggerData
}
/**
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "documentTriggerData".
 */
export interface DocumentTriggerData {
label?: string
documentType: DocumentType
}
/**
 * Trigger: a signer declined a document of this type.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "documentDeclinedNode".
 */
export interface DocumentDeclinedNode {
id: Identifier
type: "documentDeclined"
position: Position
data: DocumentTriggerData
}
/**
 * Tests deal facts; its outgoing edges leave from the handle 'true' or 'false'.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "conditionNode".
 */
export interface ConditionNode {
id: Identifier
type: "condition"
position: Position
data: ConditionData
}
export interface ConditionData {
label?: string
conditions: ConditionGroup
}
/**
 * Action: render a template and send the document for signing.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "sendDocumentNode".
 */
export interface SendDocumentNode {
id: Identifier
type: "sendDocument"
position: Position
data: SendDocumentSettings
}
/**
 * Action (after a document trigger): move the deal to another stage in the CRM.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "moveDealNode".
 */
export interface MoveDealNode {
id: Identifier
type: "moveDeal"
position: Position
data: MoveDealSettings
}
/**
 * Action (after a document trigger): POST the event and document to a URL.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "callWebhookNode".
 */
export interface CallWebhookNode {
id: Identifier
type: "callWebhook"
position: Position
data: CallWebhookSettings
}
/**
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "flowEdge".
 */
export interface FlowEdge {
id: Identifier
source: string
target: string
/**
 * For edges leaving a condition: which output, 'true' or 'false'.
 */
sourceHandle?: ("true" | "false" | null)
targetHandle?: (string | null)
}
/**
 * What the CRM posts (deal.stage_changed), and what the runtime raises itself when a document is completed or declined.
 */
export interface DealEvent {
/**
 * The sender's id for this event; a redelivered eventId returns the same run.
 */
eventId: string
type: ("deal.stage_changed" | "document.completed" | "document.declined")
occurredAt: string
pipelineId: Identifier
deal: Deal
document?: DocumentRef
ourCompany?: OurCompany
}
/**
 * This interface was referenced by `DealEvent`'s JSON-Schema
 * via the `definition` "deal".
 */
export interface Deal {
id: string
title?: string
stageId: Identifier
previousStageId?: (Identifier | null)
amount?: number
currency?: string
/**
 * BCP 47 locale for dates and amounts in documents, e.g. pt-BR.
 */
locale?: string
responsibleUserId?: string
fields?: {
[k: string]: Scalar | undefined
}
company?: ClientCompany
/**
 * @maxItems 100
 */
contacts?: Contact[]
}
/**
 * This interface was referenced by `DealEvent`'s JSON-Schema
 * via the `definition` "company".
 */
export interface ClientCompany {
id?: string
name: string
taxId?: string
address?: string
}
/**
 * This interface was referenced by `DealEvent`'s JSON-Schema
 * via the `definition` "contact".
 */
export interface Contact {
id: string
name: string
email?: string
phone?: string
role?: string
}
/**
 * This interface was referenced by `DealEvent`'s JSON-Schema
 * via the `definition` "documentRef".
 */
export interface DocumentRef {
id: string
type: DocumentType
}
/**
 * Our own company's details; runtime settings, which an event may override.
 * 
 * This interface was referenced by `DealEvent`'s JSON-Schema
 * via the `definition` "ourCompany".
 */
export interface OurCompany {
name: string
taxId?: string
address?: string
director?: string
}
/**
 * Compiled flows: json-rules-engine rules (the format of record for export and import) plus an index by (pipeline, trigger). Run a rule with json-rules-engine on toFacts(event, ruleSet.facts).
 */
export interface RuleSet {
schemaVersion: 1
flows: RuleSetFlow[]
/**
 * Every fact the rules read; toFacts sets each of them (null when the event lacks it).
 */
facts: string[]
rules: CompiledRule[]
/**
 * Bucket key (pipelineId/eventType/stageId-or-documentType) to the names of the rules it holds, in evaluation order.
 */
index: {
[k: string]: string[] | undefined
}
}
export interface RuleSetFlow {
id: Identifier
version: number
name: string
pipelineId: Identifier
}
/**
 * A json-rules-engine rule. conditions.all[0..2] are the trigger (pipelineId, eventType, stageId or documentType); the rest is the flow's conditions.
 * 
 * This interface was referenced by `RuleSet`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface CompiledRule {
name: string
priority: number
conditions: ConditionGroup
event: RuleEvent
}
/**
 * This interface was referenced by `RuleSet`'s JSON-Schema
 * via the `definition` "ruleEvent".
 */
export interface RuleEvent {
type: ("sendDocument" | "moveDeal" | "callWebhook")
params: RuleParams
}
/**
 * This interface was referenced by `RuleSet`'s JSON-Schema
 * via the `definition` "ruleParams".
 */
export interface RuleParams {
flowId: string
flowVersion: number
pipelineId: string
bucket: string
triggerNodeId: string
actionNodeId: string
conditionNodeIds: string[]
action: ActionSettings
}
/**
 * What the evaluator decided for one event: the actions to run, in order, and optionally why (the trace).
 */
export interface ActionPlan {
eventId: string
pipelineId: string
/**
 * The (pipeline, trigger) bucket whose rules were considered.
 */
bucket: string
rulesConsidered: number
actions: PlannedAction[]
/**
 * Rules that fired but lost to a higher-priority rule for the same document type.
 */
suppressed: SuppressedRule[]
warnings: PlanWarning[]
trace?: RuleTrace[]
}
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "plannedSendDocument".
 */
export interface PlannedSendDocument {
kind: "sendDocument"
ruleName: string
flowId: string
flowVersion: number
actionNodeId: string
priority: number
documentType: string
templateId: string
signingOrder: SigningOrder
linkExpiryDays: number
signers: PlannedSigner[]
}
/**
 * One signer and their turn: signers with the same order sign in parallel.
 * 
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "plannedSigner".
 */
export interface PlannedSigner {
side: ("company" | "counterparty")
order: number
/**
 * Company side: a named employee.
 */
employeeId?: string
/**
 * Company side: the deal's responsible user.
 */
userId?: string
contactId?: string
name?: string
email?: string
phone?: string
}
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "plannedMoveDeal".
 */
export interface PlannedMoveDeal {
kind: "moveDeal"
ruleName: string
flowId: string
flowVersion: number
actionNodeId: string
stageId: string
}
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "plannedCallWebhook".
 */
export interface PlannedCallWebhook {
kind: "callWebhook"
ruleName: string
flowId: string
flowVersion: number
actionNodeId: string
url: string
}
export interface SuppressedRule {
ruleName: string
documentType: string
wonBy: string
}
export interface PlanWarning {
code: ("NO_COUNTERPARTIES" | "NO_RESPONSIBLE_USER")
ruleName: string
message: string
}
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "ruleTrace".
 */
export interface RuleTrace {
ruleName: string
priority: number
fired: boolean
conditions: ConditionTrace
}
export interface GroupTrace {
group: ("all" | "any" | "not")
result: boolean
children: ConditionTrace[]
}
export interface ComparisonTrace {
fact: string
operator: string
value?: unknown
/**
 * The value the fact had for this event (null when absent).
 */
factValue: {
[k: string]: unknown | undefined
}
result: boolean
}
/**
 * This interface was referenced by `ActionPlan`'s JSON-Schema
 * via the `definition` "ruleOrigin".
 */
export interface RuleOrigin {
ruleName: string
flowId: string
flowVersion: number
actionNodeId: string
}
/**
 * One validation finding about a flow, addressed to the node or edge it concerns so the designer can highlight it.
 */
export interface Diagnostic {
code: ("SCHEMA_INVALID" | "SCHEMA_VERSION_UNSUPPORTED" | "DUPLICATE_ID" | "EDGE_SOURCE_MISSING" | "EDGE_TARGET_MISSING" | "EDGE_HANDLE_INVALID" | "EDGE_INTO_TRIGGER" | "EDGE_FROM_ACTION" | "FLOW_CYCLE" | "FLOW_NO_TRIGGER" | "NODE_UNREACHABLE" | "NODE_NO_OUTPUT" | "STAGE_UNKNOWN" | "FACT_UNKNOWN" | "OPERATOR_UNKNOWN" | "OPERATOR_NOT_FOR_FACT" | "VALUE_TYPE_MISMATCH" | "ACTION_TEMPLATE_MISSING" | "TEMPLATE_UNKNOWN" | "EMPLOYEE_UNKNOWN" | "ACTION_NEEDS_DOCUMENT_TRIGGER" | "RULE_CONFLICT" | "RULE_OVERLAP" | "CONDITION_NEVER_TRUE" | "PATH_NEVER_TRUE")
severity: ("error" | "warning")
message: string
nodeId?: string
edgeId?: string
/**
 * JSON pointer into the flow document.
 */
pointer?: string
relatedNodeIds?: string[]
}
/**
 * Every error the HTTP API returns.
 */
export interface ApiError {
error: ApiErrorBody
}
export interface ApiErrorBody {
code: string
message: string
details?: ApiErrorDetail[]
}
export interface ApiErrorDetail {
pointer?: string
message: string
code?: string
nodeId?: string
}
