"""Database models, one module per domain."""

from journal.models.account_token import AccountToken, TokenPurpose
from journal.models.audit import AuditEvent
from journal.models.index import EntryTerm, JournalSummary
from journal.models.journal import (
    MEDICINE_LABELS,
    SETTING_LABELS,
    Draft,
    DraftKind,
    Entry,
    EntryKind,
    EntryPicture,
    Medicine,
    SavedPage,
    SavedSearch,
    Setting,
    TreatmentSession,
)
from journal.models.keys import DataKey
from journal.models.login_session import LoginSession
from journal.models.measures import MeasureResponse
from journal.models.mfa import MfaCredential, RecoveryCode
from journal.models.push import PushSubscription
from journal.models.records import RetainedRecord
from journal.models.reminders import DigestSent, ReminderSent
from journal.models.safety import AlertAction, AlertMail, AlertOutcome, ClinicianNote, SafetyAlert, SafetyPlan
from journal.models.sharing import (
    AccessAction,
    AccessLog,
    AlertPhone,
    ClosedConnection,
    Connection,
    EntryShare,
    PatientLabel,
    Reply,
    SessionShare,
    ShareSummary,
    TherapistInvite,
)
from journal.models.user import Role, User

__all__ = [
    "AccountToken",
    "TokenPurpose",
    "AccessAction",
    "AccessLog",
    "ClosedConnection",
    "Connection",
    "EntryShare",
    "Reply",
    "SessionShare",
    "ShareSummary",
    "TherapistInvite",
    "MEDICINE_LABELS",
    "SETTING_LABELS",
    "AuditEvent",
    "DataKey",
    "EntryTerm",
    "JournalSummary",
    "LoginSession",
    "MeasureResponse",
    "MfaCredential",
    "RecoveryCode",
    "PushSubscription",
    "ReminderSent",
    "DigestSent",
    "AlertPhone",
    "PatientLabel",
    "RetainedRecord",
    "SavedPage",
    "SavedSearch",
    "EntryPicture",
    "AlertAction",
    "AlertMail",
    "AlertOutcome",
    "SafetyAlert",
    "SafetyPlan",
    "ClinicianNote",
    "Draft",
    "DraftKind",
    "Entry",
    "EntryKind",
    "Medicine",
    "Role",
    "Setting",
    "TreatmentSession",
    "User",
]
