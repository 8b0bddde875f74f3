"""The three demo quizzes, in English, as plain data a translator can work from."""

from .choices import Channel, QuestionType, Topic


def single(channel, customer_says, prompt, choices, explanation, section, situation="", points=1):
    return {
        "type": QuestionType.SINGLE,
        "channel": channel,
        "customer_says": customer_says,
        "situation": situation,
        "prompt": prompt,
        "choices": choices,
        "explanation": explanation,
        "section": section,
        "points": points,
    }


def multiple(channel, customer_says, prompt, choices, explanation, section, situation="", points=2):
    return {
        **single(channel, customer_says, prompt, choices, explanation, section, situation, points),
        "type": QuestionType.MULTIPLE,
    }


def ordering(channel, customer_says, prompt, steps, explanation, section, situation="", points=2):
    return {
        "type": QuestionType.ORDERING,
        "channel": channel,
        "customer_says": customer_says,
        "situation": situation,
        "prompt": prompt,
        "steps": steps,
        "explanation": explanation,
        "section": section,
        "points": points,
    }


ANGRY_CUSTOMERS = {
    "slug": "angry-customers",
    "title": "Handling angry and aggressive customers",
    "topic": Topic.ANGRY_CUSTOMERS,
    "intro": (
        "Eight situations with customers who are upset, and some who cross the line. Choose what you would do; "
        "after you submit, each answer explains the rule and links to the policy."
    ),
    "pass_mark": 75,
    "attempts_allowed": 3,
    "questions": [
        single(
            Channel.PHONE,
            "This is the third time I'm calling about the same broken order. Nobody ever calls back!",
            "What do you do first?",
            [
                (
                    "Let them finish, then say you understand how frustrating three calls must be.",
                    True,
                    "Right: listening first and naming the feeling calms most calls down.",
                ),
                (
                    "Interrupt to ask for the order number so you can save time.",
                    False,
                    "Cutting in makes the customer feel unheard and usually makes them angrier.",
                ),
                (
                    "Explain that the warehouse, not your team, caused the delay.",
                    False,
                    "Blaming another team sounds like an excuse; the customer sees one company.",
                ),
                (
                    "Transfer the call to your team leader straight away.",
                    False,
                    "Escalate when you cannot resolve it, not before you have tried.",
                ),
            ],
            "The policy asks you to let unhappy customers finish, acknowledge how they feel, apologise and agree a next step.",
            "difficult-customers",
        ),
        single(
            Channel.CHAT,
            "Your app deleted my whole shopping list. Again. Is anyone there testing this rubbish?",
            "The fault is real and a fix is planned. What is the best reply?",
            [
                (
                    "Admit the fault, offer a way to recover the list, and tag the chat so they hear when the fix ships.",
                    True,
                    "Right: own the fault, give a workaround, and follow up when it is fixed.",
                ),
                (
                    "Say the app works for most users and suggest reinstalling it.",
                    False,
                    "Denying a known fault destroys trust once the customer finds out.",
                ),
                (
                    "Apologise and close the chat to keep your queue short.",
                    False,
                    "An apology without a next step leaves the problem with the customer.",
                ),
            ],
            "When our product is at fault, say so, offer a workaround and make sure the customer is told when the fix arrives.",
            "difficult-customers",
        ),
        multiple(
            Channel.PHONE,
            "You people are useless. I want to speak to someone who actually knows something!",
            "Which of these are right? Choose all that apply.",
            [
                ("Stay calm and keep your voice level.", True, "Right: your calm sets the tone of the call."),
                (
                    "Agree that your colleagues are useless, to build rapport.",
                    False,
                    "Never run down colleagues; it makes the whole company look unreliable.",
                ),
                (
                    "Offer to pass the case to your team leader if you cannot resolve it.",
                    True,
                    "Right: asking for a manager is a reason to escalate to level 2.",
                ),
                (
                    "Tell the customer they are being rude and must calm down.",
                    False,
                    "Telling someone to calm down rarely works; name the behaviour only when it becomes abusive.",
                ),
            ],
            "Stay professional, never blame colleagues, and escalate to a team leader when the customer asks for one.",
            "escalation",
        ),
        single(
            Channel.IN_PERSON,
            "If you don't refund me right now I'll make sure you regret it.",
            "The customer at the front desk is shouting and has made a threat. What do you do?",
            [
                (
                    "Stay calm, say the threat is not acceptable, and call a colleague or security; do not stay alone with them.",
                    True,
                    "Right: your safety comes first, and threats are always reported.",
                ),
                (
                    "Give the refund to make them leave.",
                    False,
                    "Rewarding threats puts you and your colleagues at risk next time.",
                ),
                (
                    "Shout back so they know you will not be intimidated.",
                    False,
                    "Raising your voice escalates the situation and can make it dangerous.",
                ),
            ],
            "At the front desk, never stay alone with a customer who threatens you; call a colleague or security and tell your team leader.",
            "difficult-customers",
            situation="You are alone at the front desk.",
        ),
        single(
            Channel.PHONE,
            "(For the third time, the caller is swearing at you personally.)",
            "You have already warned the caller once. What does the policy allow?",
            [
                (
                    "End the call politely and tell your team leader straight away.",
                    True,
                    "Right: after one warning you may end an abusive call, and you must report it.",
                ),
                (
                    "Stay on the line as long as the customer wants; customers are always right.",
                    False,
                    "Nobody has to accept continued abuse; the policy protects you.",
                ),
                (
                    "Hang up without a word.",
                    False,
                    "End the call politely, so the record shows you acted professionally.",
                ),
            ],
            "Say clearly which behaviour is unacceptable, give one warning, and if it continues end the conversation politely and report it.",
            "difficult-customers",
        ),
        single(
            Channel.SOCIAL,
            "@YourCompany worst service ever, waited a week for a reply to my e-mail. Everyone avoid!",
            "How do you answer the public post?",
            [
                (
                    "Reply publicly with an apology, then move the conversation to a private message to sort it out.",
                    True,
                    "Right: acknowledge in public, resolve in private, within the social-media target.",
                ),
                (
                    "Delete the post.",
                    False,
                    "Deleting complaints looks like hiding them and usually makes things worse.",
                ),
                (
                    "Reply publicly with the customer's order details to show what happened.",
                    False,
                    "Never share personal data in public.",
                ),
            ],
            "Social-media posts get a first response within about an hour, and the case moves to a private channel.",
            "service-standards",
        ),
        multiple(
            Channel.EMAIL,
            "I have been a customer for ten years and this is how you treat me?",
            "Which phrases fit our values? Choose all that apply.",
            [
                (
                    "“Thank you for staying with us for ten years, Mrs Silva.”",
                    True,
                    "Right: personalisation shows the customer they are known.",
                ),
                (
                    "“I'm sorry this happened; I understand why you are disappointed.”",
                    True,
                    "Right: empathy before solutions.",
                ),
                (
                    "“As per our terms and conditions, section 4.2…”",
                    False,
                    "Jargon and legal phrases push the customer away; use plain words.",
                ),
                (
                    "“I will call you tomorrow before 12:00 with an answer.”",
                    True,
                    "Right: responsiveness means a concrete next step and time.",
                ),
            ],
            "Respect, patience, personalisation, empathy and responsiveness: the five values in practice.",
            "values",
        ),
        ordering(
            Channel.PHONE,
            "My delivery never arrived and I needed it for today!",
            "Put the steps of handling an unhappy customer in order.",
            [
                "Let the customer finish without interrupting.",
                "Acknowledge how they feel.",
                "Apologise for what went wrong.",
                "Agree the next step and when it will happen.",
                "Record the contact in the customer's history.",
            ],
            "Listen, acknowledge, apologise, agree the next step, then record it so colleagues can follow up.",
            "difficult-customers",
        ),
    ],
}

ESCALATIONS = {
    "slug": "escalations-and-complaints",
    "title": "Escalations and complaint handling",
    "topic": Topic.ESCALATION,
    "intro": "Eight cases about when to pass a case on, to whom, and how a formal complaint is handled.",
    "pass_mark": 75,
    "attempts_allowed": 3,
    "questions": [
        single(
            Channel.CHAT,
            "I've explained this twice. I want a manager. Now.",
            "You cannot resolve the issue yourself. Who takes the case?",
            [
                (
                    "The team leader (level 2), with a warm hand-over and the case history.",
                    True,
                    "Right: a request for a manager goes to the team leader the same working day.",
                ),
                (
                    "The customer service manager (level 3) immediately.",
                    False,
                    "Level 3 is for formal complaints, large refunds and safety or reputation risks.",
                ),
                (
                    "Nobody: tell the customer managers do not take chats.",
                    False,
                    "Refusing an escalation turns a request into a complaint.",
                ),
            ],
            "Level 2 of the escalation matrix: the team leader, the same working day.",
            "escalation",
        ),
        single(
            Channel.EMAIL,
            "I want to make a formal complaint about the way I was treated in your shop.",
            "What is the first step?",
            [
                (
                    "Log the complaint in the register at once, in the customer's own words.",
                    True,
                    "Right: every complaint is logged first, so nothing is lost.",
                ),
                (
                    "Reply that you are sorry and consider the matter closed.",
                    False,
                    "A complaint needs a documented procedure, not just an apology.",
                ),
                ("Wait to see whether the customer writes again.", False, "Complaints are never left waiting."),
            ],
            "The complaint procedure starts with logging the complaint in the customer's own words.",
            "complaints",
        ),
        ordering(
            Channel.EMAIL,
            "Formal complaint: my refund was refused without explanation.",
            "Put the complaint-handling steps in order.",
            [
                "Log the complaint in the complaints register.",
                "Pass it to the customer service manager the same day.",
                "The manager acknowledges it in writing.",
                "If it is not resolved in time, the manager sends an update with a date for the full answer.",
            ],
            "Log it, pass it on the same day, acknowledge in writing, and update the customer if it takes longer.",
            "complaints",
        ),
        single(
            Channel.EMAIL,
            "I sent my complaint on Monday.",
            "Under the current version of the policy, how soon must the customer receive a written acknowledgement?",
            [
                (
                    "Within two working days.",
                    True,
                    "Right: the current version shortened it from five to two working days.",
                ),
                ("Within five working days.", False, "That was version 1; the current version says two working days."),
                ("Within a month.", False, "Far too slow: the policy sets two working days."),
            ],
            "The manager acknowledges a complaint in writing within two working days.",
            "complaints",
        ),
        multiple(
            Channel.PHONE,
            "Fine, transfer me, but I'm not explaining everything again.",
            "What makes a good hand-over? Choose all that apply.",
            [
                (
                    "Brief your team leader before you transfer the call.",
                    True,
                    "Right: a warm hand-over means the customer does not repeat themselves.",
                ),
                ("Record the case history so the next person can read it.", True, "Right: every contact is recorded."),
                (
                    "Tell the customer who will contact them and when.",
                    True,
                    "Right: the customer always knows the next step.",
                ),
                ("Put the customer on hold without saying why.", False, "Silence on hold feels like being abandoned."),
            ],
            "Pass a case on as soon as you know you cannot resolve it, brief the next person, and tell the customer what happens next.",
            "escalation",
        ),
        single(
            Channel.IN_PERSON,
            "Your product gave me a burn. I'm going to the newspapers.",
            "Which escalation level applies?",
            [
                (
                    "Level 3: the customer service manager, within one working day.",
                    True,
                    "Right: risks to safety or reputation go straight to level 3.",
                ),
                ("Level 1: you handle it yourself.", False, "Safety and reputation risks are never handled alone."),
                ("Level 2 at the end of the week.", False, "This cannot wait; level 3 within one working day."),
            ],
            "Level 3 covers formal complaints, refunds above the team leader's limit, and risks to safety or reputation.",
            "escalation",
        ),
        single(
            Channel.EMAIL,
            "It's been two weeks since you acknowledged my complaint and I've heard nothing.",
            "The investigation is not finished. What should already have happened?",
            [
                (
                    "The manager should have written with an update and a date for the full answer.",
                    True,
                    "Right: unresolved complaints get an update, never silence.",
                ),
                (
                    "Nothing: complaints are answered only once they are resolved.",
                    False,
                    "Customers must be updated when a complaint takes longer.",
                ),
                (
                    "The complaint should have been closed automatically.",
                    False,
                    "Complaints are never closed without an answer.",
                ),
            ],
            "If a complaint is not resolved in time, the manager writes again with an update and a date.",
            "complaints",
        ),
        multiple(
            Channel.CHAT,
            "Can you just give me a refund of 900 euros now?",
            "The amount is above your team leader's limit. Which are right? Choose all that apply.",
            [
                (
                    "Escalate to the customer service manager (level 3).",
                    True,
                    "Right: refunds above the team leader's limit go to level 3.",
                ),
                ("Promise the refund to end the chat.", False, "Never promise what you cannot authorise."),
                ("Tell the customer who will contact them and by when.", True, "Right: always name the next step."),
            ],
            "Refunds above the team leader's limit are a level 3 escalation; tell the customer who will contact them.",
            "escalation",
        ),
    ],
}

CLOSING = {
    "slug": "closing-interactions",
    "title": "Closing interactions and follow-up",
    "topic": Topic.CLOSING,
    "intro": "Six moments at the end of a conversation, and what happens after it.",
    "pass_mark": 70,
    "attempts_allowed": 0,
    "ask_certainty": True,
    "questions": [
        ordering(
            Channel.PHONE,
            "Great, that's sorted then.",
            "Put the steps for ending a call in order.",
            [
                "Check the customer is satisfied and has nothing else to ask.",
                "Summarise what was agreed and any next step.",
                "Thank them for contacting us.",
                "Invite them to come back whenever they need us.",
            ],
            "Check, summarise, thank, invite back.",
            "ending-an-interaction",
        ),
        single(
            Channel.CHAT,
            "ok",
            "The customer's answer is short and you are not sure the problem is solved. What do you do?",
            [
                (
                    "Ask whether everything is working now and whether there is anything else you can help with.",
                    True,
                    "Right: check the customer is satisfied before you close.",
                ),
                (
                    "Close the chat: “ok” means they are happy.",
                    False,
                    "A short answer can hide a problem that is not solved.",
                ),
                ("Send a satisfaction survey link and close.", False, "Check first; the survey comes after."),
            ],
            "Before closing, check the customer is satisfied and has nothing else to ask.",
            "ending-an-interaction",
        ),
        single(
            Channel.EMAIL,
            "Thanks, I'll wait for the replacement then.",
            "The replacement ships in three days. What should your closing e-mail include?",
            [
                (
                    "A summary of what was agreed, the shipping date, and how to reach you.",
                    True,
                    "Right: summarise the next step so the customer knows what to expect.",
                ),
                ("Only “Regards”.", False, "A bare sign-off leaves the customer guessing."),
                (
                    "A request to write again if the parcel does not arrive in a month.",
                    False,
                    "We follow up; the customer should not have to chase us.",
                ),
            ],
            "Summarise what was agreed and any next step before you close.",
            "ending-an-interaction",
        ),
        multiple(
            Channel.IN_PERSON,
            "Thank you, you've been very helpful.",
            "How do you close the visit? Choose all that apply.",
            [
                ("Thank the customer for coming in.", True, "Right: always thank the customer."),
                ("Invite them to come back whenever they need us.", True, "Right: invite them back."),
                (
                    "Turn away to the next customer without a word.",
                    False,
                    "Ending abruptly undoes a good conversation.",
                ),
                ("Record the visit in the customer's history.", True, "Right: so colleagues can follow up."),
            ],
            "Thank the customer, invite them back, and record the contact.",
            "ending-an-interaction",
        ),
        single(
            Channel.CHAT,
            "The bug is fixed? Great, nobody told me.",
            "A fix shipped for a fault the customer reported last month. What should have happened?",
            [
                (
                    "The tagged conversation should have triggered a follow-up telling the customer the fix had arrived.",
                    True,
                    "Right: tag product faults so the customer hears when they are fixed.",
                ),
                (
                    "Nothing: customers read the release notes.",
                    False,
                    "We tell the customer; they should not have to find out.",
                ),
                (
                    "The customer should have been asked to report it again.",
                    False,
                    "Never make the customer repeat a report.",
                ),
            ],
            "When our product is at fault, tag the case so the customer is told when the fix arrives.",
            "difficult-customers",
        ),
        single(
            Channel.EMAIL,
            "Sure, I'll fill in your survey.",
            "Why do we ask customers for feedback after an interaction?",
            [
                (
                    "To find problems early and improve the service and this policy.",
                    True,
                    "Right: feedback shows what to change before small problems grow.",
                ),
                ("To rank employees against each other.", False, "Feedback is for learning, not for blame."),
                ("Because the law requires a survey after every call.", False, "We ask because it helps us improve."),
            ],
            "Customer feedback helps us find problems early and improve.",
            "feedback",
        ),
    ],
}

QUIZZES = [ANGRY_CUSTOMERS, ESCALATIONS, CLOSING]
