"""The demo's three conversations, written from the source documents' service standards, escalation matrix
and rules for ending an interaction. Replies are (text, leads to, score, feedback, policy section)."""

from .chat_escalation import CHAT_ESCALATION
from .email_closing import EMAIL_CLOSING
from .late_refund import LATE_REFUND

__all__ = ["CHAT_ESCALATION", "CONVERSATIONS", "EMAIL_CLOSING", "LATE_REFUND"]

CONVERSATIONS = [LATE_REFUND, CHAT_ESCALATION, EMAIL_CLOSING]
