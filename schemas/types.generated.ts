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
 * Language of the signing messages and page for signers whose contact has none (default en).
 */
export type MessageLanguage = ("en" | "pt-BR")
/**
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "flowNode".
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
/**
 * This interface was referenced by `FlowActionResources`'s JSON-Schema
 * via the `definition` "runActionOutcome".
 */
export type RunActionOutcome = (DealMovedInCrm | DealMoveRequested | WebhookCalled)
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "role".
 */
export type Role = ("admin" | "client" | "analyst")
/**
 * company: our company's signer; client: a counterparty signer, the n-th by partyIndex (client = client 1).
 */
export type MarkParty = ("company" | "client")
/**
 * Where each party signs, stamps and fills requested fields ({%sign company}, {%sign client 2}, {%stamp company}, {?client passportNumber}), each once, without positions.
 * 
 * @maxItems 200
 */
export type SignatureMarks = SignatureMark[]
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "runStatus".
 */
export type RunStatus = ("accepted" | "running" | "completed" | "failed")
/**
 * Language of the signer's page and messages.
 * 
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "language".
 */
export type MessageLanguage1 = ("en" | "pt-BR")
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "backtestDifferenceKind".
 */
export type BacktestDifferenceKind = ("document" | "template" | "signers" | "action")
/**
 * Where each party signs, stamps and fills requested fields, as the template author marked it with {%sign company}, {%stamp company}, {?client passportNumber}. A template lists its marks without positions; a made document carries each mark's box in the converted PDF.
 * 
 * @maxItems 200
 */
export type SignatureMarks1 = SignatureMark[]
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "envelopeStatus".
 */
export type EnvelopeStatus = ("draft" | "sent" | "partially_signed" | "sealing" | "completed" | "declined" | "expired" | "cancelled")
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "signerStatus".
 */
export type SignerStatus = ("waiting" | "sent" | "viewed" | "code_confirmed" | "signed" | "declined")
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "signatureMethod".
 */
export type SignatureMethod = ("typed" | "drawn" | "uploaded")
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "trailKind".
 */
export type TrailKind = ("created" | "sent" | "delivered" | "delivery_failed" | "viewed" | "consent" | "code_sent" | "code_failed" | "code_locked" | "code_confirmed" | "field_filled" | "signed" | "declined" | "expired" | "reminded" | "cancelled" | "resent" | "contact_changed" | "sealed" | "completed" | "downloaded")
/**
 * intact: sealed by this instance and unchanged since; modified: this instance's seal, but the file changed after sealing; unknown: no seal, or someone else's.
 * 
 * This interface was referenced by `VerificationResources`'s JSON-Schema
 * via the `definition` "verificationVerdict".
 */
export type VerificationVerdict = ("intact" | "modified" | "unknown")
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "webhookEventType".
 */
export type WebhookEventType = ("document.created" | "envelope.sent" | "signer.viewed" | "signer.signed" | "signer.declined" | "envelope.completed" | "envelope.declined" | "envelope.expired" | "run.failed" | "deal.move_requested")
/**
 * https, or http to a host listed in INKFLOW_WEBHOOK_ALLOW_PRIVATE / the outbound allow-list.
 * 
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookUrl".
 */
export type WebhookUrl = string
/**
 * @minItems 1
 * @maxItems 10
 * 
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "eventTypes".
 */
export type WebhookEventTypes = WebhookEventType[]
/**
 * The signing secret, shown only here (at create and at rotate): `whsec_` + base64 of 32 random bytes, as Standard Webhooks libraries take it.
 * 
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookSecret".
 */
export type WebhookSecret = string
/**
 * pending: waiting for its turn or its first attempt; failed: the last attempt failed, another is scheduled; delivered; given_up: every attempt of the schedule failed.
 * 
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookDeliveryStatus".
 */
export type WebhookDeliveryStatus = ("pending" | "failed" | "delivered" | "given_up")
/**
 * A Bitrix24 record id: a positive integer, as a string.
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24Id".
 */
export type Bitrix24Id = string
/**
 * @maxItems 50
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24MultiField".
 */
export type Bitrix24MultiField = {
ID?: (string | number)
VALUE: string
VALUE_TYPE?: string
TYPE_ID?: string
}[]
/**
 * crm.deal.contact.items.get's result: the deal's contacts in their order.
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24DealContactItems".
 */
export type Bitrix24DealContactItems = {
CONTACT_ID: (string | number)
SORT?: (string | number)
ROLE_ID?: (string | number)
IS_PRIMARY?: ("Y" | "N")
}[]

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
"flow-action.schema.json"?: FlowActionResources
"api.schema.json"?: ApiResources
"export.schema.json"?: ExportDocument
"template-data.schema.json"?: TemplateData
"signature-marks.schema.json"?: SignatureMarks1
"envelope.schema.json"?: EnvelopeResources
"verification.schema.json"?: VerificationResources
"outbox-message.schema.json"?: OutboxResources
"webhook-event.schema.json"?: WebhookEventResources
"webhook-subscription.schema.json"?: WebhookSubscriptionResources
"bitrix24.schema.json"?: Bitrix24Resources
}
/**
 * Small shapes shared by the other schemas.
 */
export interface Common {
[k: string]: unknown | undefined
}
/**
 * Present when a list in an answer was cut: the first `shown` of `total` entries are listed.
 * 
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "truncation".
 */
export interface Truncation {
shown: number
total: number
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
 * Absent only for the operator exists.
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
/**
 * Remind signers who have not signed this many days before the link expires (a new link is sent). None by default.
 */
reminderDays?: number
language?: MessageLanguage
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
/**
 * Sticky notes drawn on the canvas by the designer; they explain the flow and are ignored by validation, compilation and evaluation.
 * 
 * @maxItems 1000
 */
notes?: FlowNote[]
}
/**
 * Trigger: a deal of the flow's pipeline enters a stage.
 * 
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "stageEnteredNode".
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
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
 * This interface was referenced by `Flow`'s JSON-Schema
 * via the `definition` "flowNote".
 * 
 * This interface was referenced by `Flow1`'s JSON-Schema
 * via the `definition` "flowNote".
 */
export interface FlowNote {
id: Identifier
position: Position
text: string
width?: number
height?: number
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
/**
 * The contact's language as a BCP 47 tag (pt-BR, pt, en-US…): signing messages and the signer's page use pt-BR for Portuguese, English otherwise.
 */
language?: string
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
factValue: unknown
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
code: ("SCHEMA_INVALID" | "SCHEMA_VERSION_UNSUPPORTED" | "DUPLICATE_ID" | "EDGE_SOURCE_MISSING" | "EDGE_TARGET_MISSING" | "EDGE_HANDLE_INVALID" | "EDGE_INTO_TRIGGER" | "EDGE_FROM_ACTION" | "FLOW_CYCLE" | "FLOW_TOO_MANY_PATHS" | "FLOW_TOO_LARGE" | "CONDITION_TOO_DEEP" | "FLOW_NO_TRIGGER" | "NODE_UNREACHABLE" | "NODE_NO_OUTPUT" | "STAGE_UNKNOWN" | "FACT_UNKNOWN" | "OPERATOR_UNKNOWN" | "OPERATOR_NOT_FOR_FACT" | "VALUE_TYPE_MISMATCH" | "ACTION_TEMPLATE_MISSING" | "TEMPLATE_UNKNOWN" | "EMPLOYEE_UNKNOWN" | "TEMPLATE_PLACEHOLDER_UNKNOWN" | "TEMPLATE_CLIENT_MARK_WITHOUT_COUNTERPARTY" | "ACTION_NEEDS_DOCUMENT_TRIGGER" | "RULE_CONFLICT" | "RULE_OVERLAP" | "CONDITION_NEVER_TRUE" | "PATH_NEVER_TRUE")
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
/**
 * @maxItems 50
 */
details?: ApiErrorDetail[]
truncated?: Truncation
}
export interface ApiErrorDetail {
pointer?: string
message: string
code?: string
nodeId?: string
}
/**
 * What a flow's actions after a document event do (move deal, call webhook): the action as its run shows it, the body a call-webhook action posts, and the secret it is signed with.
 */
export interface FlowActionResources {

}
/**
 * One move-deal or call-webhook action a run planned, and how it went. Each is a durable job, done once per document event.
 * 
 * This interface was referenced by `FlowActionResources`'s JSON-Schema
 * via the `definition` "runAction".
 */
export interface RunAction {
kind: ("moveDeal" | "callWebhook")
actionNodeId: string
ruleName: string
status: ("queued" | "done" | "failed")
attempts: number
outcome: (RunActionOutcome | null)
lastError: (string | null)
updatedAt: string
}
export interface DealMovedInCrm {
via: "crm"
connector: string
stageId: string
}
/**
 * No CRM connector is configured: a deal.move_requested webhook was queued to the subscriptions that want it.
 */
export interface DealMoveRequested {
via: "webhook"
stageId: string
/**
 * null when no subscription wants deal.move_requested.
 */
webhookEventId: (string | null)
}
export interface WebhookCalled {
via: "call"
/**
 * The receiver's 2xx answer.
 */
status: number
latencyMs: number
}
/**
 * The body a flow's call-webhook action posts, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) with the flow's secret. `version` is the data's version (1).
 * 
 * This interface was referenced by `FlowActionResources`'s JSON-Schema
 * via the `definition` "flowWebhookCall".
 */
export interface FlowWebhookCall {
version: 1
type: "flow.webhook_called"
timestamp: string
data: FlowWebhookCallData
}
/**
 * This interface was referenced by `FlowActionResources`'s JSON-Schema
 * via the `definition` "flowWebhookCallData".
 */
export interface FlowWebhookCallData {
runId: string
flowId: string
flowVersion: number
ruleName: string
actionNodeId: string
trigger: ("document.completed" | "document.declined")
pipelineId: string
deal: Deal
document: FlowWebhookDocument
}
/**
 * This interface was referenced by `FlowActionResources`'s JSON-Schema
 * via the `definition` "flowWebhookDocument".
 */
export interface FlowWebhookDocument {
id: string
type: string
envelopeId: string
status: ("completed" | "declined")
/**
 * Completed only: GET it with a client or admin token.
 */
finalPdfUrl: (string | null)
declinedReason: (string | null)
}
/**
 * The secret a flow's call-webhook actions are signed with (Standard Webhooks whsec_ format). Admin only.
 * 
 * This interface was referenced by `FlowActionResources`'s JSON-Schema
 * via the `definition` "flowWebhookSecret".
 */
export interface FlowWebhookSecret {
flowId: string
secret: string
createdAt: string
}
/**
 * Request and response bodies of the runtime's HTTP API (besides the documents defined in their own schemas).
 */
export interface ApiResources {
[k: string]: unknown | undefined
}
/**
 * Someone who may sign for our company.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "employee".
 */
export interface Employee {
id: Identifier
name: string
email: string
/**
 * Job title shown in documents, e.g. Director.
 */
role: string
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "tokenRequest".
 */
export interface TokenRequest {
name: string
role: Role
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "tokenInfo".
 */
export interface TokenInfo {
id: string
name: string
role: Role
createdAt: string
/**
 * The secret; returned once, when the token is created. Only its hash is stored.
 */
token?: string
}
/**
 * A placeholder of the template that no document can fill: not a path of the template data (schemas/template-data.schema.json) nor a custom field of a pipeline.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "templateWarning".
 */
export interface TemplateWarning {
code: "PLACEHOLDER_UNKNOWN"
/**
 * The placeholder as listed in placeholders, e.g. "Deal.Title".
 */
placeholder: string
/**
 * The closest known path, e.g. "deal.title".
 */
suggestion?: string
message: string
}
/**
 * A stored template. Uploads are bounded: 10 MB per file, 500 entries, 8 MB of XML once inflated (4 MB per part), 5,000 tags; tracked changes and comments are refused.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "templateInfo".
 */
export interface TemplateInfo {
id: string
documentType: string
name: string
fileName: string
size: number
sha256: string
placeholders: string[]
marks: SignatureMarks
/**
 * Placeholders that can never be filled, each with the closest known path; computed against the pipelines' custom fields as they are now.
 */
warnings: TemplateWarning[]
createdAt: string
}
export interface SignatureMark {
kind: ("sign" | "stamp" | "field")
party: MarkParty
partyIndex: number
/**
 * kind field: the requested value's name, e.g. passportNumber.
 */
field?: string
/**
 * The tag as written in the template, for messages.
 */
tag: string
box?: MarkBox
}
/**
 * The mark's box on a page of the converted PDF, in PDF points with the origin at the page's bottom left.
 */
export interface MarkBox {
page: number
x: number
y: number
width: number
height: number
}
/**
 * A new flow: its draft document. The pipeline is taken from the document and stored (created or updated).
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowCreateRequest".
 */
export interface FlowCreateRequest {
draft: Flow
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowSummary".
 */
export interface FlowSummary {
id: string
pipelineId: string
name: string
activeVersion: (number | null)
latestVersion: (number | null)
draftUpdatedAt: string
createdAt: string
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowDetail".
 */
export interface FlowDetail {
flow: FlowSummary
draft: Flow
/**
 * Errors first; at most 50 (see diagnosticsTruncated).
 * 
 * @maxItems 50
 */
diagnostics: Diagnostic[]
diagnosticsTruncated?: Truncation
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowVersionInfo".
 */
export interface FlowVersionInfo {
flowId: string
version: number
publishedAt: string
ruleCount: number
active: boolean
/**
 * Why it was published (null when no message was given, and for versions published before messages existed).
 */
message: (string | null)
/**
 * The name of the API token that published it (null for versions published before this was recorded).
 */
publishedBy: (string | null)
/**
 * Only in the answer of POST /flows/:id/publish: the published draft's warnings (e.g. RULE_OVERLAP, TEMPLATE_PLACEHOLDER_UNKNOWN); at most 50 (see diagnosticsTruncated).
 * 
 * @maxItems 50
 */
diagnostics?: Diagnostic[]
diagnosticsTruncated?: Truncation
}
/**
 * Rule-level difference between two published versions of a flow.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowDiff".
 */
export interface FlowDiff {
flowId: string
from: number
to: number
added: CompiledRule[]
removed: CompiledRule[]
changed: RuleChange[]
}
export interface RuleChange {
ruleName: string
/**
 * What changed: priority, conditions, action.<setting>, …
 */
fields: string[]
before: CompiledRule
after: CompiledRule
}
/**
 * A warning or error recorded on a run or a document.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "runMessage".
 */
export interface RunMessage {
code: string
message: string
ruleName?: string
tag?: string
attempt?: number
at?: string
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "eventAccepted".
 */
export interface EventAccepted {
runId: string
eventId: string
status: RunStatus
/**
 * True when this eventId was already accepted: nothing new was made.
 */
duplicate: boolean
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "run".
 */
export interface Run {
id: string
eventId: string
pipelineId: string
dealId: string
status: RunStatus
/**
 * The evaluation with its trace; null until evaluated.
 */
plan: (ActionPlan | null)
documents: DocumentInfo[]
warnings: RunMessage[]
errors: RunMessage[]
/**
 * The move-deal and call-webhook actions the plan asked for, and how each went.
 */
actions: RunAction[]
createdAt: string
updatedAt: string
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "documentInfo".
 */
export interface DocumentInfo {
id: string
runId: (string | null)
dealId: string
documentType: string
templateId: string
ruleName: (string | null)
status: "ready"
signing: SigningSetup
warnings: RunMessage[]
createdAt: string
links: {
docx: string
pdf: string
}
}
/**
 * Who will sign a document and how: stored with the document, ready for the signing step.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "signingSetup".
 */
export interface SigningSetup {
companySigner: CompanySigner
counterparties: Counterparties
signingOrder: SigningOrder
linkExpiryDays: number
reminderDays?: number
language?: MessageLanguage1
signers: PlannedSigner[]
}
/**
 * Make a document for one deal by hand. Without templateId, the template and signer settings last used for this document type are reused; the counterparties come from this deal's contacts.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "manualDocumentRequest".
 */
export interface ManualDocumentRequest {
documentType: DocumentType
templateId?: string
companySigner?: CompanySigner
counterparties?: Counterparties
signingOrder?: SigningOrder
linkExpiryDays?: number
/**
 * Remind signers who have not signed this many days before the link expires (a new link is sent). None by default.
 */
reminderDays?: number
language?: MessageLanguage1
/**
 * false: the envelope stays a draft that POST /envelopes/:id/send sends later. Default true.
 */
send?: boolean
pipelineId?: Identifier
deal?: Deal1
}
/**
 * The deal's current data; defaults to the deal as last seen in an event.
 */
export interface Deal1 {
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
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "health".
 */
export interface Health {
status: ("ok" | "degraded")
database: DependencyHealth
libreoffice: DependencyHealth
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "dependencyHealth".
 */
export interface DependencyHealth {
ok: boolean
detail: string
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowValidationResult".
 */
export interface FlowValidationResult {
/**
 * Errors first; at most 50 (see diagnosticsTruncated).
 * 
 * @maxItems 50
 */
diagnostics: Diagnostic[]
diagnosticsTruncated?: Truncation
}
/**
 * A published version: its info (as FlowVersionInfo), the flow document as published and its compiled rule set.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "flowVersionDetail".
 */
export interface FlowVersionDetail {
flowId: string
version: number
publishedAt: string
ruleCount: number
active: boolean
message: (string | null)
publishedBy: (string | null)
document: Flow
ruleSet: RuleSet
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "rollbackRequest".
 */
export interface RollbackRequest {
/**
 * The earlier published version to make active again.
 */
version: number
}
/**
 * Who the API token belongs to: what the designer shows, hides and disables.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "me".
 */
export interface Me {
tokenId: string
name: string
role: Role
}
/**
 * A deal event as the runtime received and stored it (personal data: admin and client only).
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "storedEvent".
 */
export interface StoredEvent {
eventId: string
type: string
occurredAt: string
receivedAt: string
pipelineId: string
dealId: string
stageId: string
documentType?: string
runId: string
event: DealEvent
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "storedEventList".
 */
export interface StoredEventList {
events: StoredEvent[]
/**
 * Pass as ?before= for the next, older page; absent on the last page.
 */
nextBefore?: string
}
/**
 * Optional body of POST /flows/:id/publish.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "publishRequest".
 */
export interface PublishRequest {
/**
 * What changed and why, shown in the version history.
 */
message?: string
}
/**
 * Compare a draft with the active version over the last events stored for the flow's pipeline.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "backtestRequest".
 */
export interface BacktestRequest {
draft?: Flow1
/**
 * How many of the newest stored events to compare (default 1000).
 */
limit?: number
}
/**
 * A flow: what happens to deals of one pipeline, drawn as a graph of nodes and edges in React Flow's shape (id, type, position, data).
 */
export interface Flow1 {
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
/**
 * Sticky notes drawn on the canvas by the designer; they explain the flow and are ignored by validation, compilation and evaluation.
 * 
 * @maxItems 1000
 */
notes?: FlowNote[]
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "backtestResult".
 */
export interface BacktestResult {
flowId: string
/**
 * The version the draft is compared with; null when nothing is published (every planned action is a change).
 */
activeVersion: (number | null)
eventsCompared: number
/**
 * Events whose plans differ.
 */
eventsChanged: number
perRule: BacktestRuleCount[]
/**
 * The changed events, newest first, at most 200; empty for analysts (counts only: plans hold personal data).
 */
differences: BacktestDifference[]
/**
 * True when more events changed than are listed.
 */
truncated: boolean
/**
 * Present (true) when the stored events read reached 32 MB before the limit: fewer events were compared.
 */
sizeLimited?: boolean
/**
 * Time spent reading the stored events and comparing them, in milliseconds.
 */
ms: number
}
export interface BacktestRuleCount {
ruleName: string
draftFired: number
activeFired: number
}
/**
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "backtestDifference".
 */
export interface BacktestDifference {
eventId: string
dealId: string
occurredAt: string
stageId: string
documentType?: string
kinds: BacktestDifferenceKind[]
draft: ActionPlan
active: ActionPlan
}
/**
 * Render the document a sendDocument node would make for a deal event, as PDF; nothing is stored or sent.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "documentPreviewRequest".
 */
export interface DocumentPreviewRequest {
event: DealEvent
settings: SendDocumentSettings
ruleName?: string
}
/**
 * Render a template with a deal as PDF (nothing stored); without a deal, the demo deal is used.
 * 
 * This interface was referenced by `ApiResources`'s JSON-Schema
 * via the `definition` "templatePreviewRequest".
 */
export interface TemplatePreviewRequest {
deal?: Deal
}
/**
 * The analysts' export of a rule set: one row per rule in evaluation order, each with its json-rules-engine definition. `inkflow export --format json` and GET /api/v1/export return it; the CSV export has the same rows without the definition.
 */
export interface ExportDocument {
schemaVersion: 1
flows: RuleSetFlow[]
rules: ExportedRule[]
}
/**
 * An export row with the json-rules-engine rule it was read from. Its row properties refer to exportRow's; a test checks that both list the same names.
 * 
 * This interface was referenced by `ExportDocument`'s JSON-Schema
 * via the `definition` "exportedRule".
 */
export interface ExportedRule {
pipelineId: string
/**
 * What starts the rule: "stage <stageId>" or "<eventType> <documentType>".
 */
trigger: string
/**
 * The stage of a stage trigger; empty for document triggers.
 */
stageId: string
/**
 * The document type a sendDocument action sends; empty for other actions.
 */
documentType: string
action: ("sendDocument" | "moveDeal" | "callWebhook")
/**
 * The template of a sendDocument action; empty otherwise.
 */
templateId: string
priority: number
/**
 * The flow's conditions in words (trigger conditions left out), e.g. amount > 50000 AND NOT (fields.region in [EU, UK]); empty when the rule always fires.
 */
conditions: string
flowId: string
flowVersion: number
ruleName: string
definition: CompiledRule
}
/**
 * One rule as an analyst reads it; the CSV columns, in this order.
 * 
 * This interface was referenced by `ExportDocument`'s JSON-Schema
 * via the `definition` "exportRow".
 */
export interface ExportRow {
pipelineId: string
/**
 * What starts the rule: "stage <stageId>" or "<eventType> <documentType>".
 */
trigger: string
/**
 * The stage of a stage trigger; empty for document triggers.
 */
stageId: string
/**
 * The document type a sendDocument action sends; empty for other actions.
 */
documentType: string
action: ("sendDocument" | "moveDeal" | "callWebhook")
/**
 * The template of a sendDocument action; empty otherwise.
 */
templateId: string
priority: number
/**
 * The flow's conditions in words (trigger conditions left out), e.g. amount > 50000 AND NOT (fields.region in [EU, UK]); empty when the rule always fires.
 */
conditions: string
flowId: string
flowVersion: number
ruleName: string
}
/**
 * What a DOCX template's placeholders can reach: the template authors' contract. Tags are dotted paths ({deal.company.name}); a loop {#deal.contacts}…{/deal.contacts} resolves the tags inside it against each item first, then against the outer data. A tag whose value is absent renders empty and is reported as a warning on the document.
 */
export interface TemplateData {
deal: TemplateDeal
ourCompany: TemplateOurCompany
companySigner?: TemplateCompanySigner
/**
 * Everyone who signs, in signing order (company and counterparties alike): {#signers}{name} ({email}){/signers}.
 */
signers: TemplateSigner[]
document: TemplateDocument
/**
 * The day the document is made, written out for the deal's locale (UTC), e.g. "29 November 2026" (en-IE) or "29 de novembro de 2026" (pt-BR).
 */
today: string
/**
 * The moment the document is made, as an ISO 8601 UTC timestamp, e.g. "2026-11-29T10:15:02.000Z".
 */
now: string
amount?: TemplateAmount
/**
 * When the CRM event happened (e.g. the deal reached the stage), written out for the deal's locale in UTC, e.g. "29 November 2026 at 10:15 UTC".
 */
occurredAt: string
}
/**
 * The deal as the CRM sent it: {deal.title}, {deal.company.name}, {deal.fields.contractTermMonths}.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "deal".
 */
export interface TemplateDeal {
/**
 * The CRM's deal id, e.g. "D-1042".
 */
id: string
/**
 * The deal's title, e.g. "Annual support 2027"; often the object of a contract.
 */
title?: string
/**
 * The stage the deal is in, e.g. "contract".
 */
stageId: string
/**
 * The deal's amount as a plain number (62500); use {amount.formatted} to print it.
 */
amount?: number
/**
 * ISO 4217 currency code, e.g. "EUR".
 */
currency?: string
/**
 * The deal's locale as the CRM sent it (BCP 47), e.g. "pt-BR"; formatters ({deal.fields.fee | money}) print for it.
 */
locale?: string
/**
 * The pipeline's custom fields by name, as the CRM sent them: {deal.fields.contractTermMonths}.
 */
fields: {
[k: string]: Scalar | undefined
}
company?: TemplateClientCompany
/**
 * The deal's contacts, in the CRM's order (empty when it sent none): {#deal.contacts}{name}, {role}{/deal.contacts}.
 */
contacts: TemplateContact[]
}
/**
 * The client company of the deal, the counterparty of a contract or the billed party of an invoice.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "clientCompany".
 */
export interface TemplateClientCompany {
/**
 * The CRM's company id.
 */
id?: string
/**
 * Legal name, e.g. "Globex Ltda".
 */
name: string
/**
 * Tax or registration number (VAT, CNPJ, …).
 */
taxId?: string
/**
 * Postal address; line breaks are kept.
 */
address?: string
}
/**
 * One person of the client company, inside {#deal.contacts}…{/deal.contacts}.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "contact".
 */
export interface TemplateContact {
/**
 * Full name.
 */
name: string
/**
 * Email address.
 */
email?: string
/**
 * Phone number as the CRM has it.
 */
phone?: string
/**
 * The contact's role on the deal, e.g. "signer", "finance".
 */
role?: string
}
/**
 * Our own company (the runtime's setting, or the event's override).
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "ourCompany".
 */
export interface TemplateOurCompany {
/**
 * Legal name.
 */
name: string
/**
 * Tax or registration number.
 */
taxId?: string
/**
 * Postal address; line breaks are kept.
 */
address?: string
/**
 * The director who represents the company.
 */
director?: string
}
/**
 * The employee who signs for our company, when known: {companySigner.name}.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "companySigner".
 */
export interface TemplateCompanySigner {
/**
 * Full name.
 */
name: string
/**
 * Email address.
 */
email: string
}
/**
 * One signer, inside {#signers}…{/signers}. Name and email come from the plan, or from the deal's contact it names.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "signer".
 */
export interface TemplateSigner {
/**
 * Full name, when known.
 */
name?: string
/**
 * Email address, when known.
 */
email?: string
/**
 * "company" for our signer, "counterparty" for the client's.
 */
side: ("company" | "counterparty")
/**
 * The signer's turn, from 1; signers with the same order sign in parallel.
 */
order: number
}
/**
 * The document being made.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "document".
 */
export interface TemplateDocument {
/**
 * Its document type, e.g. "contract", "invoice".
 */
type: string
/**
 * Its id in the runtime, when already assigned.
 */
id?: string
}
/**
 * The deal's amount ready to print; absent when the deal has none.
 * 
 * This interface was referenced by `TemplateData`'s JSON-Schema
 * via the `definition` "amount".
 */
export interface TemplateAmount {
/**
 * With currency, for the deal's locale: "€62,500.00" (EUR, en-IE), "R$ 62.500,00" (BRL, pt-BR); without a currency, the number with two decimals.
 */
formatted: string
/**
 * The amount as a plain number, e.g. 62500.
 */
number: number
}
/**
 * Envelopes: a document on its way to be signed, its signers in turn, and its hash-chained audit trail, as the API returns them. No signer's link or one-time code ever appears here.
 */
export interface EnvelopeResources {

}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "envelopeSigner".
 */
export interface EnvelopeSigner {
id: string
/**
 * 1-based place in the envelope's list.
 */
position: number
/**
 * Signers with the same turn sign in parallel; turn n+1 is sent when turn n has signed.
 */
turn: number
side: ("company" | "counterparty")
/**
 * company: 1; counterparty: 1, 2, … in the deal's contact order (the n in {%sign client n}).
 */
partyIndex: number
name: string
email?: (string | null)
phone?: (string | null)
language: MessageLanguage1
status: SignerStatus
employeeId?: (string | null)
contactId?: (string | null)
codeChannel?: ("email" | "sms" | null)
sentAt?: (string | null)
viewedAt?: (string | null)
consentAt?: (string | null)
codeConfirmedAt?: (string | null)
signedAt?: (string | null)
declinedAt?: (string | null)
declineReason?: (string | null)
signatureMethod?: (SignatureMethod | null)
/**
 * Values this signer filled for the template's requested fields ({?client passportNumber}).
 */
fields: {
[k: string]: string | undefined
}
}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "envelope".
 */
export interface Envelope {
id: string
documentId: string
dealId: string
pipelineId: (string | null)
runId: (string | null)
title: string
senderCompany: string
language: MessageLanguage1
signingOrder: SigningOrder
status: EnvelopeStatus
linkExpiryDays: number
expiresAt: (string | null)
reminderDays: (number | null)
originalSha256: string
finalSha256: (string | null)
createdAt: string
sentAt: (string | null)
completedAt: (string | null)
declinedReason: (string | null)
signers: EnvelopeSigner[]
links: {
self: string
document: string
/**
 * Present once the envelope is completed.
 */
finalPdf: (string | null)
/**
 * The public verification page (the certificate's QR code).
 */
verify: string
}
}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "trailEntry".
 */
export interface TrailEntry {
seq: number
at: string
kind: TrailKind
/**
 * system, the API token's name, or signer:<id>.
 */
actor: string
signerId: (string | null)
details: {
[k: string]: string | number | boolean | null | undefined
}
/**
 * SHA-256 (hex) of the previous entry; 64 zeros for the first.
 */
prevHash: string
hash: string
}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "envelopeTrail".
 */
export interface EnvelopeTrail {
/**
 * False when any stored entry was altered, removed or reordered.
 */
intact: boolean
/**
 * The first entry whose hash does not match.
 */
brokenAt?: number
entries: TrailEntry[]
}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "envelopeDetail".
 */
export interface EnvelopeDetail {
envelope: Envelope
trail: EnvelopeTrail
}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "envelopeList".
 */
export interface EnvelopeList {
items: Envelope[]
nextCursor?: string
}
/**
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "cancelEnvelopeRequest".
 */
export interface CancelEnvelopeRequest {
reason?: string
}
/**
 * New email and/or phone for a signer who has not signed; a new link is sent and the old one stops working.
 * 
 * This interface was referenced by `EnvelopeResources`'s JSON-Schema
 * via the `definition` "signerContactChange".
 */
export interface SignerContactChange {
email?: string
phone?: string
}
/**
 * The integrity check of a PDF against this instance's seal, the public summary of an envelope, and the seal's certificate. The public answers hold no email address, phone number, IP address or user agent; `detail` carries them only for an admin token.
 */
export interface VerificationResources {

}
/**
 * This interface was referenced by `VerificationResources`'s JSON-Schema
 * via the `definition` "verificationParty".
 */
export interface VerificationParty {
name: string
side: ("company" | "counterparty")
signedAt: (string | null)
}
/**
 * Admin only: how a signer was reached and where they signed from.
 * 
 * This interface was referenced by `VerificationResources`'s JSON-Schema
 * via the `definition` "verificationSignerDetail".
 */
export interface VerificationSignerDetail {
name: string
side: ("company" | "counterparty")
email: (string | null)
phone: (string | null)
codeDestination: (string | null)
ip: (string | null)
userAgent: (string | null)
signedAt: (string | null)
}
/**
 * What anyone holding the envelope id (the QR code) or its sealed PDF may see.
 * 
 * This interface was referenced by `VerificationResources`'s JSON-Schema
 * via the `definition` "verificationEnvelope".
 */
export interface VerificationEnvelope {
envelopeId: string
documentId: string
title: string
status: EnvelopeStatus
completedAt: (string | null)
sealedAt: (string | null)
/**
 * SHA-256 (hex) of the sealed PDF, null until sealed.
 */
finalSha256: (string | null)
parties: VerificationParty[]
/**
 * Admin token only.
 */
detail?: {
signers: VerificationSignerDetail[]
}
}
/**
 * This interface was referenced by `VerificationResources`'s JSON-Schema
 * via the `definition` "verificationResult".
 */
export interface VerificationResult {
result: VerificationVerdict
/**
 * Why, as a stable word: sealed, no_signature, unreadable_signature, other_signer, bytes_added, digest_mismatch, signature_invalid.
 */
reason: string
sealedByThisInstance: boolean
/**
 * When the seal was applied (the envelope's record, else the signature's time).
 */
sealedAt: (string | null)
/**
 * SHA-256 (hex) of the file sent.
 */
sha256: string
/**
 * intact: the envelope whose sealed PDF has this SHA-256; modified: the envelope the seal names, if it exists; unknown: null.
 */
envelope: (VerificationEnvelope | null)
}
/**
 * The certificate this instance seals final PDFs with (GET /settings/seal).
 * 
 * This interface was referenced by `VerificationResources`'s JSON-Schema
 * via the `definition` "sealCertificate".
 */
export interface SealCertificate {
certificatePem: string
/**
 * As `openssl x509 -fingerprint -sha256` prints it.
 */
fingerprintSha256: string
subject: string
notBefore: string
notAfter: string
/**
 * generated: made at first start, kept in the database; file: INKFLOW_SEAL_P12.
 */
source: ("generated" | "file")
}
/**
 * Messages to signers as the outbox keeps them: what was (or, without SMTP_URL / SMS_GATEWAY, would have been) sent. Admin only: the text holds the signer's link or one-time code, so that a newcomer without a mail server can follow the links by hand.
 */
export interface OutboxResources {

}
/**
 * This interface was referenced by `OutboxResources`'s JSON-Schema
 * via the `definition` "outboxMessage".
 */
export interface OutboxMessage {
/**
 * The outbox id; an email's Message-ID is <id@inkflow>.
 */
id: string
envelopeId: (string | null)
signerId: (string | null)
purpose: ("invitation" | "code" | "reminder" | "completed" | "declined" | "cancelled" | "expired")
channel: ("email" | "sms")
/**
 * The email address or phone number.
 */
to: string
language: ("en" | "pt-BR")
subject: string
/**
 * The plain text (the SMS itself for the sms channel).
 */
text: string
/**
 * recorded: no SMTP_URL (email) or SMS_GATEWAY (sms) is set, the outbox is the mailbox.
 */
status: ("queued" | "sent" | "failed" | "recorded")
/**
 * smtp, test, outbox; null while queued.
 */
provider: (string | null)
attempts: number
/**
 * File names of what the email carries (the signed PDF).
 */
attachments?: string[]
createdAt: string
sentAt: (string | null)
lastError: (string | null)
}
/**
 * This interface was referenced by `OutboxResources`'s JSON-Schema
 * via the `definition` "outboxMessageList".
 */
export interface OutboxMessageList {
items: OutboxMessage[]
nextCursor?: string
}
/**
 * What a webhook delivery's body holds: a Standard Webhooks payload { type, timestamp, data } plus `version`, the version of the data schema of that type (1 today). Additive changes (a new optional property) keep the version; a change a receiver could trip on bumps it. Payloads carry ids, statuses, the document type and title, the deal id and each signer's name, side and order: never a signer's link, token, one-time code, email address or phone number (a subscription's URL may be a third party's, and the CRM knows its contacts by contactId).
 */
export interface WebhookEventResources {

}
/**
 * The envelope as a webhook names it.
 * 
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "webhookEnvelope".
 */
export interface WebhookEnvelope {
envelopeId: string
documentId: string
documentType: string
title: string
dealId: string
pipelineId: (string | null)
runId: (string | null)
status: EnvelopeStatus
}
/**
 * A signer as a webhook names them: no email, phone or link.
 * 
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "webhookSigner".
 */
export interface WebhookSigner {
signerId: string
name: string
side: ("company" | "counterparty")
/**
 * 1-based place in the envelope's list.
 */
position: number
/**
 * Signers with the same turn sign in parallel.
 */
turn: number
partyIndex: number
status: SignerStatus
/**
 * The CRM contact the signer came from.
 */
contactId: (string | null)
employeeId: (string | null)
}
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "documentCreatedData".
 */
export interface DocumentCreatedData {
documentId: string
documentType: string
/**
 * The envelope's title; null when no envelope was made.
 */
title: (string | null)
dealId: string
runId: (string | null)
ruleName: (string | null)
envelopeId: (string | null)
createdAt: string
}
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "envelopeSentData".
 */
export interface EnvelopeSentData {
envelope: WebhookEnvelope
sentAt: string
expiresAt: (string | null)
/**
 * @maxItems 100
 */
signers: WebhookSigner[]
}
/**
 * signer.viewed, signer.signed, signer.declined (with the reason the signer typed).
 * 
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "signerEventData".
 */
export interface SignerEventData {
envelope: WebhookEnvelope
signer: WebhookSigner
at: string
reason?: string
}
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "envelopeCompletedData".
 */
export interface EnvelopeCompletedData {
envelope: WebhookEnvelope
completedAt: string
/**
 * GET it with a client or admin token (INKFLOW_PUBLIC_URL + /api/v1/envelopes/:id/final.pdf).
 */
finalPdfUrl: string
finalSha256: string
/**
 * The public verification page.
 */
verifyUrl: string
/**
 * @maxItems 100
 */
signers: WebhookSigner[]
}
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "envelopeDeclinedData".
 */
export interface EnvelopeDeclinedData {
envelope: WebhookEnvelope
declinedBy: (WebhookSigner | null)
reason: (string | null)
at: string
}
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "envelopeExpiredData".
 */
export interface EnvelopeExpiredData {
envelope: WebhookEnvelope
expiresAt: (string | null)
at: string
}
/**
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "runFailedData".
 */
export interface RunFailedData {
runId: string
eventId: string
dealId: string
pipelineId: string
/**
 * @maxItems 20
 */
errors: {
code: string
message: string
ruleName?: string
}[]
at: string
}
/**
 * A flow's *move deal* action when no CRM connector is configured: the receiver moves the deal.
 * 
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "dealMoveRequestedData".
 */
export interface DealMoveRequestedData {
dealId: string
pipelineId: string
stageId: string
reason: {
envelopeId: string
documentType: string
flowId: string
ruleName: string
}
}
/**
 * Each event type's data, for callers of emitWebhookEvent (type-checked per type).
 * 
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "webhookEventDataMap".
 */
export interface WebhookEventDataMap {
"document.created": DocumentCreatedData
"envelope.sent": EnvelopeSentData
"signer.viewed": SignerEventData
"signer.signed": SignerEventData
"signer.declined": SignerEventData
"envelope.completed": EnvelopeCompletedData
"envelope.declined": EnvelopeDeclinedData
"envelope.expired": EnvelopeExpiredData
"run.failed": RunFailedData
"deal.move_requested": DealMoveRequestedData
}
/**
 * The body of one delivery. Its webhook-id header is the event's id (msg_…): the same on every retry and redelivery, so a receiver drops duplicates by it.
 * 
 * This interface was referenced by `WebhookEventResources`'s JSON-Schema
 * via the `definition` "webhookEvent".
 */
export interface WebhookEvent {
version: 1
type: WebhookEventType
/**
 * When the state change happened (ISO 8601).
 */
timestamp: string
data: {

}
}
/**
 * Webhook subscriptions as the admin API takes and returns them, their secrets (shown once), and the delivery log.
 */
export interface WebhookSubscriptionResources {

}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookSubscriptionInput".
 */
export interface WebhookSubscriptionInput {
url: WebhookUrl
eventTypes: WebhookEventTypes
description?: string
/**
 * Default true.
 */
enabled?: boolean
}
/**
 * Only the properties given change. Enabling a disabled subscription clears its reason and resumes its undelivered events.
 * 
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookSubscriptionUpdate".
 */
export interface WebhookSubscriptionUpdate {
url?: WebhookUrl
eventTypes?: WebhookEventTypes
description?: string
enabled?: boolean
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookSubscription".
 */
export interface WebhookSubscription {
id: string
url: string
eventTypes: WebhookEventTypes
description: (string | null)
enabled: boolean
/**
 * Why it was disabled: by an admin, or after too many failed attempts in a row (with the last error).
 */
disabledReason: (string | null)
consecutiveFailures: number
secretRotatedAt: (string | null)
/**
 * Until then deliveries carry a signature by the previous secret too.
 */
previousSecretExpiresAt: (string | null)
createdAt: string
updatedAt: string
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookSubscriptionList".
 */
export interface WebhookSubscriptionList {
items: WebhookSubscription[]
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookSubscriptionWithSecret".
 */
export interface WebhookSubscriptionWithSecret {
subscription: WebhookSubscription
secret: WebhookSecret
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "rotateWebhookSecretRequest".
 */
export interface RotateWebhookSecretRequest {
/**
 * How long the old secret keeps signing beside the new one (default 86400, at most 7 days).
 */
overlapSeconds?: number
}
/**
 * One attempt to deliver one event to one subscription.
 * 
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookAttempt".
 */
export interface WebhookAttempt {
id: string
/**
 * The webhook-id (msg_…).
 */
eventId: string
eventType: WebhookEventType
/**
 * 1, 2, … per event and subscription.
 */
attempt: number
at: string
outcome: ("delivered" | "failed" | "refused")
httpStatus: (number | null)
/**
 * HTTP_STATUS, TIMEOUT, NETWORK, REFUSED, REDIRECT_NOT_FOLLOWED, RESPONSE_TOO_LARGE.
 */
errorCode: (string | null)
latencyMs: number
responseExcerpt: (string | null)
deliveryStatus: WebhookDeliveryStatus
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "webhookAttemptList".
 */
export interface WebhookAttemptList {
items: WebhookAttempt[]
nextCursor?: string
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "redeliverSinceRequest".
 */
export interface RedeliverSinceRequest {
/**
 * Events created at or after this time.
 */
since: string
/**
 * At most this many (default 1000).
 */
limit?: number
}
/**
 * This interface was referenced by `WebhookSubscriptionResources`'s JSON-Schema
 * via the `definition` "redeliveryResult".
 */
export interface RedeliveryResult {
queued: number
eventIds: string[]
/**
 * True when more events matched than the limit: call again with a later since.
 */
more: boolean
}
/**
 * The Bitrix24 connector's boundaries: the portal's outbound webhook (form-encoded, decoded to nested keys), the parts of its REST answers the connector reads (crm.deal.get, crm.company.get, crm.contact.get, crm.deal.contact.items.get), inkflow's answer to the webhook, and the mapping settings (INKFLOW_BITRIX24_PIPELINES, INKFLOW_BITRIX24_FIELDS).
 */
export interface Bitrix24Resources {

}
/**
 * event=ONCRMDEALUPDATE&data[FIELDS][ID]=123&ts=…&auth[application_token]=…&auth[domain]=…, decoded.
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24EventForm".
 */
export interface Bitrix24EventForm {
event: string
event_handler_id?: string
ts: string
data: {
FIELDS: {
ID: Bitrix24Id
}
}
auth: {
application_token: string
domain?: string
}
}
/**
 * inkflow's answer to the CRM's webhook, sent before anything is fetched: queued (a job will fetch the deal), duplicate (this delivery was queued before), ignored (an event inkflow does not act on).
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "crmEventAccepted".
 */
export interface CrmEventAccepted {
status: ("queued" | "duplicate" | "ignored")
dealId?: string
}
/**
 * crm.deal.get's result, the fields read (Bitrix24 sends numbers as strings; UF_CRM_* are custom fields).
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24Deal".
 */
export interface Bitrix24Deal {
ID: (string | number)
TITLE?: (string | null)
STAGE_ID: string
CATEGORY_ID?: (string | number | null)
OPPORTUNITY?: (string | number | null)
CURRENCY_ID?: (string | null)
ASSIGNED_BY_ID?: (string | number | null)
COMPANY_ID?: (string | number | null)
DATE_MODIFY?: (string | null)
}
/**
 * crm.company.get's result, the fields read.
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24Company".
 */
export interface Bitrix24Company {
ID: (string | number)
TITLE?: (string | null)
ADDRESS?: (string | null)
ADDRESS_CITY?: (string | null)
ADDRESS_POSTAL_CODE?: (string | null)
ADDRESS_COUNTRY?: (string | null)
}
/**
 * crm.contact.get's result, the fields read; EMAIL and PHONE are multi-fields.
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24Contact".
 */
export interface Bitrix24Contact {
ID: (string | number)
NAME?: (string | null)
SECOND_NAME?: (string | null)
LAST_NAME?: (string | null)
EMAIL?: Bitrix24MultiField
PHONE?: Bitrix24MultiField
}
/**
 * INKFLOW_BITRIX24_PIPELINES: per Bitrix24 deal category (CATEGORY_ID, 0 the default pipeline), the inkflow pipeline it feeds and, optionally, Bitrix24 STAGE_ID → inkflow stage id. A stage not listed is named by rule: the category prefix (C1:) dropped, lower case (C1:PREPARATION → preparation).
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24PipelineMap".
 */
export interface Bitrix24PipelineMap {
[k: string]: {
pipelineId: Identifier
stages?: {
[k: string]: Identifier | undefined
}
} | undefined
}
/**
 * INKFLOW_BITRIX24_FIELDS: Bitrix24 custom deal field (UF_CRM_…) → the deal field name flows test (fields.<name>). Unlisted UF_CRM_ fields keep their own name.
 * 
 * This interface was referenced by `Bitrix24Resources`'s JSON-Schema
 * via the `definition` "bitrix24FieldMap".
 */
export interface Bitrix24FieldMap {
[k: string]: FieldName | undefined
}
