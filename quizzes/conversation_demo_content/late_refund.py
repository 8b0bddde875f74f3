"""A caller angry about a late refund, on the phone."""

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
