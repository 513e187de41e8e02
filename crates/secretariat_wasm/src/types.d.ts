// The values that cross the boundary, hand-written (see crates/secretariat_core for their meaning).
// Shipped as the package's `types.d.ts`; `index.d.ts` declares the functions and classes.
/** Language of reasons, labels and findings: French (the products' own, the default) or English. */
export type Lang = "fr" | "en";

/** An RFC 3339 date-time, e.g. `2026-11-23T10:00:00Z` or `2026-11-23T11:00:00+01:00`. */
export type DateTime = string;

/** `allow` or `deny`. */
export type Effect = "allow" | "deny";

/** The 15 module permissions of a doctor's account. */
export type PermissionId =
  | "dashboard" | "agenda" | "patients" | "waiting_room" | "letters" | "pid_billing"
  | "practice_settings" | "reviews" | "export_patients" | "export_deposits" | "subscription"
  | "two_factor" | "login_as_doctor" | "delete_fee_or_redate_invoice" | "reassign_record_owner";

/** The 7 icons of the cancer-network platform (DCC). */
export type IconId =
  | "agenda" | "patient_directory" | "session_run" | "dossiers" | "professional_directory"
  | "administration" | "infocentre";

/** The 3 tabs of the dossiers icon. */
export type TabId = "rcp_passages" | "corresponding_doctors" | "attending_doctor";

/** Every action a request may name. */
export type Action =
  | `practice.${PermissionId}`
  | `dcc.icon.${IconId}`
  | `dcc.tab.${TabId}`
  | "dcc.agenda.view" | "dcc.session.view" | "dcc.patient.add" | "dcc.rcp.register_patient"
  | "dcc.dossier.view" | "dcc.dossier.add_document" | "dcc.dossier.unregister"
  | "dcc.dossier.send_report" | "dcc.dossier.validate" | "dcc.report.secretaries";

/** A resource: `doctor:<id>` (practice actions, report), `centre:<id>`, `rcp:<id>` or `dossier:<id>`. */
export type Resource = `doctor:${string}` | `centre:${string}` | `rcp:${string}` | `dossier:${string}`;

/** A decision request. `resource` and `now` may be left out where the action allows. */
export interface DecisionRequest {
  /** The person asking: a secretary, or for `dcc.report.secretaries` a coordinator or responsable. */
  principal: string;
  action: Action;
  resource?: Resource | null;
  now?: DateTime | null;
  /** Language of the reasons; French when absent. */
  lang?: Lang | null;
}

/** An entry for the host's access log (B3), on audited allows. */
export interface AuditEvent {
  /** The secretary. */
  author: string;
  /** The doctor on whose behalf she acts. */
  on_behalf_of: string;
  action: Action;
  at?: DateTime;
}

/** The answer to one request. */
export interface Decision {
  decision: Effect;
  /** Why, in words an admin understands. */
  reasons: string[];
  /** The host must trace this decision (P5). */
  audit: boolean;
  audit_event?: AuditEvent;
}

/** A batch line that could not be decided: malformed, or naming something unknown. */
export interface ErrorAnswer {
  error: string;
}

/** One answer of a batch. */
export type Answer = Decision | ErrorAnswer;

/** One checked condition of an explanation. */
export interface Step {
  holds: boolean;
  fact: string;
}

/** A decision with every condition checked on the way. */
export interface Explanation extends Decision {
  /** The request as resolved (canonical spellings, the language used). */
  request: DecisionRequest & { lang: Lang };
  derivation: Step[];
}

// ---- The view of a secretary ----

export type Category = "medecin" | "secretaire";
export type Status = "active" | "suspended" | "deleted";
export type DossierStatus = "registered" | "discussed" | "validated" | "sent";
export type Recommendation = "recommended" | "as_needed" | "not_recommended" | "sensitive";
export type Severity = "danger" | "warning" | "info";

export interface PersonRef {
  id: string;
  name: string;
}

export interface SecretarySummary {
  id: string;
  name: string;
  category: Category;
  status: Status;
  external: boolean;
}

/** One element a front end gates: shown or hidden, with the reason. */
export interface GateItem {
  /** The permission, icon or tab id. */
  id: string;
  /** As the product prints it. */
  label: string;
  /** The decision request that gates it. */
  action: Action;
  resource?: Resource;
  shown: boolean;
  /** Use must be traced by the host (P5). */
  audit: boolean;
  /** Practice items: the vendor's recommendation. */
  recommendation?: Recommendation;
  reasons: string[];
}

/** One doctor's account in the practice application, as she sees it. */
export interface AccountView {
  doctor: PersonRef;
  /** Menu modules, in the product's order. */
  menu: GateItem[];
  /** Buttons inside modules (Exporter, Supprimer MH, Connexion en tant que médecin…). */
  buttons: GateItem[];
}

export interface CentreView {
  id: string;
  name: string;
  profile_applies: boolean;
}

export interface DossierActions {
  add_document: boolean;
  unregister: boolean;
  send_report: boolean;
  validate: boolean;
}

export interface DossierView {
  id: string;
  /** Absent in a view from a scope, which holds no patient id. */
  patient?: string;
  rcp: string;
  /** From a scope, only when he is one of her doctors. */
  demandeur?: PersonRef;
  session?: DateTime;
  status: DossierStatus;
  actions: DossierActions;
}

export interface RcpView {
  id: string;
  name: string;
  centre: string;
  next_session?: DateTime;
  /** Her doctors that give her this RCP. */
  via: PersonRef[];
  can_register_patient: boolean;
  dossiers: DossierView[];
}

export interface DccView {
  centres: CentreView[];
  icons: GateItem[];
  tabs: GateItem[];
  agenda: RcpView[];
  session_run: RcpView[];
  passages: DossierView[];
  /** Centre ids where she may add a patient. */
  patient_add: string[];
}

/** Everything one secretary sees. */
export interface View {
  secretary: SecretarySummary;
  now?: DateTime;
  practice: AccountView[];
  dcc: DccView;
}

// ---- Findings, simulation, report ----

/** One finding on an organisation (`secretariat lint`). */
export interface Finding {
  severity: Severity;
  /** Stable code, e.g. `login_as_doctor`, `login_external`, `ineffective_grant`, `malformed_rpps`. */
  code: string;
  /** The rule it comes from, e.g. `P6`. */
  rule: string;
  /** JSON path in the organisation file. */
  path: string;
  secretary?: string;
  doctor?: string;
  permission?: PermissionId;
  message: string;
}

/** One thing a secretary can see or do, as a simulation compares them. */
export interface Entitlement {
  action: Action;
  resource?: Resource;
  label: string;
}

export interface Tally {
  permissions: number;
  rcps: number;
  dossiers: number;
}

export interface SecretaryDiff {
  secretary: PersonRef;
  before: View;
  after: View;
  gained: Entitlement[];
  lost: Entitlement[];
  count_before: Tally;
  count_after: Tally;
}

/** A change request ready to send to the practice vendor or the cancer network. */
export interface ChangeRequest {
  recipient: "practice" | "network";
  /** `add_access`, `modify_permissions`, `temporary_deactivation`, `reactivation`, `departure`, … */
  kind: string;
  to?: string;
  subject: string;
  body: string;
  secretary: string;
  doctor?: string;
  login_as_doctor_enabled?: boolean;
  mailto?: string;
}

export interface Simulation {
  affected: SecretaryDiff[];
  findings_added: Finding[];
  findings_removed: Finding[];
  requests: ChangeRequest[];
}

/** One row of the "secretaries of a doctor" report (D8). */
export interface ReportRow {
  secretary: string;
  secretary_id: string;
  doctor: string;
  doctor_id: string;
  rpps: string;
  via_group?: string;
}

/** A problem of an organisation file or of a set of changes, with its JSON path. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * What a `SecretariatError` is about; stable across versions (messages are not).
 * - `invalid_file`: the organisation file is refused (`problems` lists every problem with its path);
 * - `invalid_changes`: a change does not apply or is malformed (`problems` when it does not apply);
 * - `unknown_id`: no person, centre, RCP or dossier has that id;
 * - `unknown_action`: no such action;
 * - `bad_resource`: the action needs a resource, or one of another kind;
 * - `bad_now`: `now` is not an RFC 3339 date-time;
 * - `bad_argument`: an argument of the wrong type or shape (a malformed request, an object where the
 *   file's text is expected, an unknown language…);
 * - `wrong_principal`: a scope answers only for the secretary it was made for;
 * - `needs_organisation`: what needs the whole organisation (findings, a simulation, a report, an
 *   export) was asked of a policy loaded from a scope;
 * - `denied`: the reader may not read that report (D8);
 * - `too_large`: the report would hold more rows than the engine answers at once (250,000);
 * - `not_initialised`: a synchronous call before the WebAssembly module was instantiated (browsers:
 *   `await load(text)` or `await init()` first);
 * - `init_failed`: the WebAssembly module could not be fetched or instantiated;
 * - `freed`: the policy was used after `free()`;
 * - `internal`: a fault of the engine, never of the input (please report it).
 */
export type ErrorCode =
  | "invalid_file" | "invalid_changes" | "unknown_id" | "unknown_action" | "bad_resource" | "bad_now"
  | "bad_argument" | "wrong_principal" | "needs_organisation" | "denied" | "too_large" | "not_initialised" | "init_failed"
  | "freed" | "internal";

// ---- Changes (`secretariat-changes/1`) ----

export type RcpRole = "none" | "participant" | "animateur" | "both";

/** A window on a grant, a profile or an affiliation. */
export interface Validity {
  valid_from?: DateTime;
  valid_until?: DateTime;
}

/** One proposed edit of the organisation. */
export type Change =
  | ({ op: "grant_permission"; secretary: string; doctor: string; permission: PermissionId } & Validity)
  | { op: "revoke_permission"; secretary: string; doctor: string; permission: PermissionId }
  | ({ op: "add_access"; secretary: string; doctor: string; permissions?: PermissionEntry[] } & Validity)
  | { op: "remove_access"; secretary: string; doctor: string }
  | { op: "acknowledge_confidentiality"; secretary: string; doctor: string; acknowledged: boolean }
  | { op: "suspend"; person: string }
  | { op: "reactivate"; person: string }
  | { op: "departure"; person: string }
  | { op: "set_category"; person: string; category: Category }
  | { op: "set_external"; person: string; external: boolean }
  | ({ op: "add_affiliation"; doctor: string; secretary?: string; group?: string } & Validity)
  | { op: "remove_affiliation"; doctor: string; secretary?: string; group?: string }
  | { op: "add_group_member"; group: string; person: string }
  | { op: "remove_group_member"; group: string; person: string }
  | ({ op: "add_profile"; secretary: string; centre: string } & Validity)
  | { op: "remove_profile"; secretary: string; centre: string }
  | { op: "set_rcp_role"; rcp: string; doctor: string; role: RcpRole }
  // Creating and retiring what the organisation holds; a removal is refused while anything refers to it.
  | { op: "add_person"; id: string; name: string; category: Category; rpps?: string; external?: boolean }
  | { op: "rename_person"; person: string; name: string }
  | { op: "remove_person"; person: string }
  | { op: "add_group"; id: string; name: string; members?: string[] }
  | { op: "rename_group"; group: string; name: string }
  | { op: "remove_group"; group: string }
  | { op: "add_centre"; id: string; name: string }
  | { op: "rename_centre"; centre: string; name: string }
  | { op: "remove_centre"; centre: string }
  | {
      op: "add_rcp"; id: string; name: string; centre: string;
      participants?: string[]; animateurs?: string[]; responsables?: string[]; next_session?: DateTime;
    }
  | { op: "rename_rcp"; rcp: string; name: string }
  | { op: "remove_rcp"; rcp: string }
  | { op: "set_next_session"; rcp: string; next_session?: DateTime }
  | { op: "set_rcp_responsable"; rcp: string; person: string; responsable: boolean };

/** A changes file. */
export interface ChangeSet {
  format: "secretariat-changes/1";
  changes: Change[];
}

// ---- The organisation file (`secretariat-org/1`) ----

export interface OrgFile {
  format: "secretariat-org/1";
  name?: string;
  support?: { practice?: string; network?: string };
  people?: PersonEntry[];
  groups?: GroupEntry[];
  practice?: { accesses?: AccessEntry[] };
  network?: NetworkSection;
}

export interface PersonEntry {
  id: string;
  name: string;
  category: Category;
  rpps?: string;
  external?: boolean;
  status: Status;
  coordinator_of?: string[];
}

export interface GroupEntry {
  id: string;
  name: string;
  members?: string[];
}

/** A granted permission: its id, or its id with a window. */
export type PermissionEntry = PermissionId | ({ id: PermissionId } & Validity);

export interface AccessEntry extends Validity {
  secretary: string;
  doctor: string;
  permissions?: PermissionEntry[];
  confidentiality_acknowledged?: boolean;
}

export interface NetworkSection {
  centres?: { id: string; name: string }[];
  profiles?: ({ secretary: string; centre: string } & Validity)[];
  affiliations?: ({ doctor: string; secretary?: string; group?: string } & Validity)[];
  rcps?: RcpEntry[];
  dossiers?: DossierEntry[];
  patient_objections?: string[];
}

export interface RcpEntry {
  id: string;
  name: string;
  centre: string;
  participants?: string[];
  animateurs?: string[];
  responsables?: string[];
  next_session?: DateTime;
}

export interface DossierEntry {
  id: string;
  patient: string;
  rcp: string;
  demandeur: string;
  session?: DateTime;
  status: DossierStatus;
  objection?: boolean;
}

/**
 * Her scope (`secretariat-scope/1`, docs/SCOPE.md): what decides her requests at any date, and
 * nothing else — no patient id, no RPPS, no other secretary. `Policy.load` reads it too.
 */
export interface Scope {
  format: "secretariat-scope/1";
  /** Whom it answers for. */
  for: string;
  /** The organisation it was cut from, and the content hash of its file. */
  from: { name: string; hash: string };
  /** Instants at which an answer may change (a window opens or closes, a séance passes), ascending. */
  changes_at?: DateTime[];
  /** Her record first, then the doctors it names (id, name, status). */
  people: { id: string; name: string; category?: Category; status: Status; external?: boolean; coordinator_of?: string[] }[];
  groups?: { id: string; name: string }[];
  accesses?: AccessEntry[];
  centres?: { id: string; name: string }[];
  profiles?: ({ secretary: string; centre: string } & Validity)[];
  affiliations?: ({ doctor: string; secretary?: string; group?: string } & Validity)[];
  /** Her doctors' roles only (every role in an RCP she oversees, D8); empty lists left out. */
  rcps?: RcpEntry[];
  /**
   * The dossiers she may see at some date, one row each: `[id, rcp, status, session, demandeur]` —
   * `rcp` a position in `rcps`, `session` in `changes_at`, `demandeur` in `people` (only one of her
   * doctors). No patient id; no dossier whose patient objects.
   */
  dossiers?: [string, number, DossierStatus, number | null, number | null][];
}
