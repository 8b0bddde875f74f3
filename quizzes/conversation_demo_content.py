"""The demo's three conversations, written from the source documents' service standards, escalation matrix
and rules for ending an interaction. Replies are (text, leads to, score, feedback, policy section)."""

LATE_REFUND = {
    "slug": "late-refund-call",
    "title": "A late refund, on the phone",
    "intro": "A caller is angry that a refund has not arrived. Each reply you choose changes what they say next.",
    "topic": "angry_customers",
    "channel": "phone",
    "pass_mark": 75,
    "attempts_allowed": 3,
    "opening": "I sent the jacket back three weeks ago and I still haven't had my money. This is the third time I'm calling!",
    "steps": [
        {
            "key": "opening",
            "customer": "",
            "tone": "angry",
            "options": [
                (
                    "I'm sorry it has taken this long, and that you've had to call again. I'm Sam and I'll deal with "
                    "this myself. May I have your order number?",
                    "checking",
                    3,
                    "You apologised, gave your name and took ownership, as the policy promises.",
                    "commitments",
                ),
                (
                    "Refunds can take up to thirty days, so there's nothing I can do yet.",
                    "angrier",
                    0,
                    "You answered with a rule instead of listening, and the caller feels dismissed.",
                    "difficult-customers",
                ),
                (
                    "Please calm down. Shouting won't make it any faster.",
                    "lost",
                    0,
                    "Telling an upset caller to calm down sounds like blame: acknowledge how they feel instead.",
                    "difficult-customers",
                ),
            ],
        },
        {
            "key": "checking",
            "customer": "It's 48213. The jacket went back on the 2nd and nobody has told me anything since.",
            "tone": "frustrated",
            "options": [
                (
                    "I can see the jacket reached us on the 5th, but the refund was never released. That's our "
                    "mistake. I've released it now: it will be on your card within three working days, and I'm "
                    "e-mailing you the confirmation.",
                    "closing",
                    3,
                    "You admitted the fault, put it right and gave a date you can keep.",
                    "difficult-customers",
                ),
                (
                    "I'll pass this to my team leader, who will call you back.",
                    "escalated",
                    1,
                    "You could have resolved it yourself: pass a case on when you cannot resolve it, not first.",
                    "escalation",
                ),
                (
                    "It should arrive any day now, I promise.",
                    "closing",
                    0,
                    "You promised without checking: never make a promise you cannot keep.",
                    "commitments",
                ),
            ],
        },
        {
            "key": "angrier",
            "customer": "Thirty days? I've already waited three weeks and called twice! I want your manager, now.",
            "tone": "angry",
            "options": [
                (
                    "You're right to be frustrated, and I'm sorry. Let me look at it now rather than pass you on. "
                    "May I have your order number?",
                    "checking",
                    2,
                    "You recovered: you acknowledged the feeling and took ownership.",
                    "difficult-customers",
                ),
                (
                    "Of course. I'll put you through to my team leader with everything you've told me, so you won't "
                    "have to repeat it.",
                    "escalated",
                    2,
                    "The caller asked for a manager: a warm hand-over with the case history is what the matrix asks.",
                    "escalation",
                ),
                (
                    "My manager will tell you exactly the same thing.",
                    "lost",
                    0,
                    "Arguing with a customer ends the call: the policy says never argue.",
                    "commitments",
                ),
            ],
        },
        {
            "key": "closing",
            "customer": "Right. Is that everything, then?",
            "tone": "calm",
            "options": [
                (
                    "Yes: your refund of €89 is released and will reach your card within three working days, and "
                    "the confirmation is in your inbox. Is there anything else I can help with? Thank you for your "
                    "patience, and call us whenever you need us.",
                    "resolved",
                    2,
                    "You summarised, checked nothing else was needed, thanked the caller and invited them back.",
                    "ending-an-interaction",
                ),
                (
                    "Yes. Bye.",
                    "resolved",
                    0,
                    "The problem is solved, but the call ends with no summary, no thanks and no invitation back.",
                    "ending-an-interaction",
                ),
            ],
        },
    ],
    "endings": [
        {
            "key": "resolved",
            "outcome": "resolved",
            "customer": "Thanks. That's all I needed.",
            "explanation": "The refund is on its way and the caller knows when it arrives: resolved in one call.",
        },
        {
            "key": "escalated",
            "outcome": "escalated",
            "customer": "Fine. Put them on.",
            "explanation": "A team leader took over with the case history. Right when the caller asks for a "
            "manager; a missed chance when you could have resolved it yourself.",
        },
        {
            "key": "lost",
            "outcome": "lost",
            "customer": "Forget it. I'll ask my bank to reverse the payment.",
            "explanation": "The caller hung up angrier than they called. Acknowledge, apologise, take ownership, "
            "and never argue.",
        },
    ],
}

CHAT_ESCALATION = {
    "slug": "overheating-heater-chat",
    "title": "An overheating heater, on live chat",
    "intro": "A customer reports a safety incident on the chat and demands a large refund. Find the right level "
    "of the escalation matrix.",
    "topic": "escalation",
    "channel": "chat",
    "pass_mark": 75,
    "attempts_allowed": 3,
    "opening": "Your heater overheated last night and scorched my wall. I want my €1,200 back and the repair "
    "paid, or the photos go on every review site today.",
    "steps": [
        {
            "key": "opening",
            "customer": "",
            "tone": "angry",
            "options": [
                (
                    "I'm so sorry, that sounds frightening. First: is everyone safe, and is the heater unplugged?",
                    "safe",
                    3,
                    "Safety first, and you acknowledged the fright before anything else.",
                    "difficult-customers",
                ),
                (
                    "I can offer you a 10% voucher for the inconvenience.",
                    "threat",
                    0,
                    "A small gesture for a safety incident belittles the problem.",
                    "escalation",
                ),
                (
                    "Please don't post anything online until we've looked into it.",
                    "threat",
                    0,
                    "Asking a customer to keep quiet sounds like a cover-up and raises the risk to our reputation.",
                    "commitments",
                ),
            ],
        },
        {
            "key": "safe",
            "customer": "Yes, it's unplugged and we're fine. But I want this sorted today.",
            "tone": "frustrated",
            "options": [
                (
                    "Thank you. An overheating heater is a safety matter and a refund this size is beyond what I can "
                    "approve, so I'm raising it now to our customer service manager with your photos and this chat. "
                    "She will contact you within one working day. Your reference is ESC-5521.",
                    "handover",
                    3,
                    "Level 3 of the matrix (a safety risk, a refund above the team leader's limit): the manager, by "
                    "escalation ticket, within one working day, and the customer knows who and when.",
                    "escalation",
                ),
                (
                    "I'll refund the €1,200 straight away.",
                    "broken-promise",
                    0,
                    "You promised a refund you cannot approve: never make a promise you cannot keep.",
                    "commitments",
                ),
                (
                    "I'll pass you to my team leader.",
                    "passed-around",
                    1,
                    "A team leader cannot approve this either: a safety risk goes straight to level 3.",
                    "escalation",
                ),
            ],
        },
        {
            "key": "threat",
            "customer": "Are you serious? My wall is burnt. Who is in charge there?",
            "tone": "angry",
            "options": [
                (
                    "You're right, I'm sorry. An overheating heater is a safety matter: is everyone safe, and is it "
                    "unplugged?",
                    "safe",
                    2,
                    "You recovered by putting safety first.",
                    "difficult-customers",
                ),
                (
                    "I'm raising this now to our customer service manager, who will contact you within one working "
                    "day. Your reference is ESC-5521.",
                    "handover",
                    2,
                    "The right level and a promise you can keep, though you never checked that everyone was safe.",
                    "escalation",
                ),
                (
                    "There's no need for that tone.",
                    "lost",
                    0,
                    "Arguing about tone with a frightened customer ends the chat.",
                    "commitments",
                ),
            ],
        },
        {
            "key": "passed-around",
            "customer": "Your team leader says she can't approve this and needs her manager. Why am I being passed "
            "around?",
            "tone": "angry",
            "options": [
                (
                    "You're right, and I'm sorry. I've now raised it to our customer service manager, who will "
                    "contact you within one working day. Your reference is ESC-5521.",
                    "handover",
                    1,
                    "You recovered, but the customer was passed around once on the way.",
                    "escalation",
                ),
                (
                    "That's how it works, I'm afraid.",
                    "lost",
                    0,
                    "Never pass a customer around without explaining why and to whom.",
                    "commitments",
                ),
            ],
        },
        {
            "key": "handover",
            "customer": "OK. And what do I do with the heater in the meantime?",
            "tone": "calm",
            "options": [
                (
                    "Please keep it unplugged and don't use it, and keep the photos and the receipt. You'll hear from "
                    "our manager by tomorrow at the latest, and you can reply here any time quoting ESC-5521. Thank "
                    "you for telling us straight away.",
                    "escalated",
                    2,
                    "Clear advice, a summary of the next step and thanks: the chat is closed properly.",
                    "ending-an-interaction",
                ),
                (
                    "Up to you.",
                    "escalated",
                    0,
                    "The escalation is right, but the customer leaves with no advice and no summary.",
                    "ending-an-interaction",
                ),
            ],
        },
    ],
    "endings": [
        {
            "key": "escalated",
            "outcome": "escalated",
            "customer": "Thanks. I'll wait for her call.",
            "explanation": "The case reached the right level with its history, and the customer knows who will "
            "contact them and by when.",
        },
        {
            "key": "broken-promise",
            "outcome": "lost",
            "customer": "Two days later: still no refund. You promised! I'm posting everything.",
            "explanation": "A promise you cannot keep turns a case that could be solved into a lost customer.",
        },
        {
            "key": "lost",
            "outcome": "lost",
            "customer": "I'm done with this company. The photos are going up tonight.",
            "explanation": "The customer left the chat angrier than they came, and the incident will be public "
            "before anyone has looked at it.",
        },
    ],
}

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

CONVERSATIONS = [LATE_REFUND, CHAT_ESCALATION, EMAIL_CLOSING]
