"""Closing an e-mail thread properly."""

EMAIL_CLOSING = {
    "slug": "closing-an-email-thread",
    "title": "Closing an e-mail thread",
    "intro": "A customer thanks you for a corrected invoice and adds one more question. Close the thread properly.",
    "topic": "closing",
    "channel": "email",
    "pass_mark": 80,
    "attempts_allowed": 3,
    "opening": "Hello, the corrected invoice arrived this morning, thank you. One more thing: will the duplicate "
    "charge from March be refunded too, or do I need to fill something in?",
    "steps": [
        {
            "key": "opening",
            "customer": "",
            "tone": "calm",
            "options": [
                (
                    "Thank you for letting us know. Yes: the duplicate March charge of €42 was refunded on 12 May "
                    "(reference RF-3390), so there is nothing you need to do. Is there anything else I can help with?",
                    "confirm",
                    3,
                    "You answered the open question in full, with a reference, and checked for anything else.",
                    "ending-an-interaction",
                ),
                (
                    "Mark the case as closed, since the invoice has arrived.",
                    "reopened",
                    0,
                    "The customer asked a second question: closing now leaves it unanswered.",
                    "ending-an-interaction",
                ),
                (
                    "I'll check with billing and get back to you.",
                    "waiting",
                    1,
                    "Checking is fine, but say when they will hear from you: e-mails are resolved within three "
                    "working days.",
                    "service-standards",
                ),
            ],
        },
        {
            "key": "confirm",
            "customer": "No, that's everything. Thanks for sorting it out so quickly.",
            "tone": "relieved",
            "options": [
                (
                    "You're welcome. To sum up: the corrected invoice is in place and the March duplicate has been "
                    "refunded (RF-3390). Thank you for writing to us, and do get in touch whenever you need us.",
                    "resolved",
                    3,
                    "A summary, thanks and an invitation back: the thread is closed properly.",
                    "ending-an-interaction",
                ),
                (
                    "OK.",
                    "resolved",
                    0,
                    "A one-word reply misses the summary, the thanks and the invitation back.",
                    "ending-an-interaction",
                ),
            ],
        },
        {
            "key": "waiting",
            "customer": "Two days later: Hello? I still haven't heard anything about the March charge.",
            "tone": "confused",
            "options": [
                (
                    "I'm sorry for the wait. Billing confirms that the €42 duplicate was refunded on 12 May "
                    "(RF-3390). Is there anything else I can help with?",
                    "confirm",
                    1,
                    "You apologised and answered, but only after the customer had to chase you.",
                    "service-standards",
                ),
                (
                    "Billing haven't answered yet.",
                    "lost",
                    0,
                    "No answer, no date and no ownership: the customer gives up.",
                    "commitments",
                ),
            ],
        },
        {
            "key": "reopened",
            "customer": "Your system says my case is closed, but nobody answered my question about the March charge!",
            "tone": "frustrated",
            "options": [
                (
                    "I'm sorry, that was our mistake: I closed the case before answering you. The March duplicate "
                    "was refunded on 12 May (RF-3390). Is there anything else I can help with?",
                    "confirm",
                    1,
                    "An honest apology and a full answer put it right.",
                    "commitments",
                ),
                (
                    "Please open a new request for that.",
                    "lost",
                    0,
                    "Sending the customer round again for your own mistake loses them.",
                    "commitments",
                ),
            ],
        },
    ],
    "endings": [
        {
            "key": "resolved",
            "outcome": "resolved",
            "customer": "Perfect, have a nice day.",
            "explanation": "Every question answered, then a summary, thanks and an invitation back: a thread closed "
            "properly.",
        },
        {
            "key": "lost",
            "outcome": "lost",
            "customer": "Forget it. I'll take my business elsewhere.",
            "explanation": "The thread ended with a question unanswered and a customer who stopped trusting us.",
        },
    ],
}
