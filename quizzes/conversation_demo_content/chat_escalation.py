"""A safety incident on live chat that must reach level 3 of the escalation matrix."""

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
