MODULE = {
    "title": "Ethics and self-care",
    "slug": "ethics-and-self-care",
    "domain": "ethical-responsibility",
    "training_hours": 5,
    "summary": (
        "The code of ethics you sign as a peer worker, a practical way through ethical "
        "dilemmas, and how to look after your own recovery so you can keep doing this work "
        "safely and keep your credential current."
    ),
    "objectives": [
        "Explain the core principles of a peer worker's code of ethics and why certification "
        "boards ask you to sign one.",
        "Apply a step-by-step process to ethical dilemmas, and use supervision to test your "
        "thinking.",
        "Build a personal wellness plan that names your early warning signs of burnout, "
        "compassion fatigue and vicarious trauma.",
        "Describe what to do if your own recovery becomes unsteady while you are working.",
        "Plan continuing education so you can renew your credential every two years.",
    ],
    "lessons": [
        {
            "title": "Your code of ethics",
            "slug": "code-of-ethics",
            "summary": (
                "What the principles in a peer worker's code of ethics mean in daily practice, "
                "and why boards ask you to sign one."
            ),
            "estimated_minutes": 60,
            "body": [
                ("heading", {"text": "Why peer work needs a code", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Peer work rests on something unusual. You use your own experience, and "
                    "the relationship is closer to equal than most helping relationships. That "
                    "is its strength, and it is also why peer workers need clear ethics: the "
                    "lines are less obvious than they are for a nurse or a social worker. A "
                    "code of ethics is not a list of traps. It is a shared promise to the "
                    "people you support, your colleagues and the wider recovery community about "
                    "how you will behave, including when nobody is watching.</p>"
                    "<p>Certification boards usually ask you to sign a code as part of your "
                    "application. For the IC&amp;RC Peer Recovery credential, a signed code of "
                    "ethics sits alongside the training hours, the supervised practice hours "
                    "and the exam. Signing means three things: you have read it, you agree to "
                    "be held to it, and a complaint about your practice can be judged against "
                    "it. It also protects the public. Someone checking your credential knows "
                    "you are accountable to a written standard.</p>",
                ),
                ("heading", {"text": "The core principles", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Wording differs between boards, but most peer codes cover these:</p>"
                    "<ul>"
                    "<li><b>Honesty.</b> Be truthful about who you are, what you can and can't "
                    "do, and your mistakes. Don't polish or exaggerate your story to make a "
                    "point.</li>"
                    "<li><b>Self-determination.</b> The person decides their goals and their "
                    "pathway. You offer information, options and encouragement, not "
                    "instructions.</li>"
                    "<li><b>Non-discrimination.</b> Everyone gets the same respect whatever "
                    "their race, gender, sexuality, faith, disability, recovery pathway, "
                    "criminal record, or whether they chose to see you or were told to.</li>"
                    "<li><b>Avoiding harm.</b> Think through consequences. Some well-meant acts "
                    "do harm: lending money, sharing too much of your story, or pushing the "
                    "pathway that worked for you.</li>"
                    "<li><b>Working within your role.</b> In this role you are not a therapist, "
                    "doctor, lawyer, sponsor or friend. Know what to pass on, and to whom.</li>"
                    "<li><b>Confidentiality.</b> Protect what people tell you, and explain the "
                    "limits at the start: serious risk to life, a child at risk of harm, and "
                    "anything the law or your organisation's policy requires you to report.</li>"
                    "<li><b>Boundaries.</b> Keep the relationship focused on the person's "
                    "recovery. Dual relationships, such as being someone's peer worker and "
                    "also their landlord, employer, partner or sponsor, compromise both "
                    "roles.</li>"
                    "</ul>"
                    "<p>Boundaries are not walls. They are what make your support safe and "
                    "sustainable, so that you are still there, and still well, in six months' "
                    "time.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Mutuality is not the same as friendship",
                        "text": "<p>Mutuality means you meet as equals and both learn from the "
                        "relationship. It doesn't mean the person supports you, or that you "
                        "share your problems with them in return. The relationship exists for "
                        "their recovery. You bring your own needs to your supervisor and your "
                        "own supports.</p>",
                    },
                ),
                ("heading", {"text": "Grey areas are normal", "level": "h2"}),
                (
                    "paragraph",
                    "<p>No code answers every question. In a small town you will meet people you "
                    "support at the supermarket, at the school gate and in the same mutual-aid "
                    "meeting. Someone gives you a card; someone else gives you cash. A friend "
                    "request arrives on social media. You are invited to a graduation or a "
                    "christening. The code gives you principles; your organisation's policy "
                    "and your supervisor help you apply them. When you are unsure, say so: "
                    "“That's a kind offer. Can I check how we handle that and come back to "
                    "you?” is an honest and professional answer.</p>",
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Sam, whom you support, asks you to be his sponsor in the "
                        "mutual-aid fellowship you both attend. What does the code most clearly "
                        "point towards?",
                        "options": [
                            {
                                "text": "Agree. Sponsorship is a form of peer support anyway.",
                                "correct": False,
                                "feedback": "The two roles overlap, but holding both creates "
                                "a dual relationship. Where would your role as a worker end "
                                "and your role as sponsor begin?",
                            },
                            {
                                "text": "Explain warmly why you can't be both, help him think "
                                "about finding a sponsor, and talk it through in supervision.",
                                "correct": True,
                                "feedback": "Yes. You protect the working relationship and "
                                "still support what he is asking for.",
                            },
                            {
                                "text": "Say no, and stop going to that meeting so the issue "
                                "doesn't come up again.",
                                "correct": False,
                                "feedback": "Your own recovery supports matter too. Shared "
                                "meetings can be managed; giving up your own support isn't "
                                "required.",
                            },
                        ],
                        "explanation": "Dual relationships blur whose needs come first. A warm "
                        "explanation keeps the relationship intact while holding the "
                        "boundary.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Which principle in the code do you expect to find hardest to "
                        "keep, given your own history and personality? What might that look "
                        "like in practice?",
                        "guidance": "There is no wrong answer. People who love to help often "
                        "struggle with self-determination; people who have been let down by "
                        "services may struggle with working within their role. Knowing your "
                        "pressure point lets you plan for it.",
                    },
                ),
            ],
        },
        {
            "title": "Ethical decisions and using supervision",
            "slug": "ethical-decisions-and-supervision",
            "summary": (
                "A step-by-step way through ethical dilemmas, and how to get the most out of "
                "supervision."
            ),
            "estimated_minutes": 60,
            "body": [
                ("heading", {"text": "A step-by-step approach", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Most ethical problems in peer work are not dramatic. They are small "
                    "choices where two good principles pull in different directions. A "
                    "consistent process stops you from deciding on impulse, and it gives you "
                    "something to explain afterwards.</p>"
                    "<ol>"
                    "<li><b>Pause.</b> Notice that this is a dilemma. A gut feeling that "
                    "“this feels off” is worth listening to.</li>"
                    "<li><b>Get the facts.</b> Separate what you know from what you are "
                    "assuming.</li>"
                    "<li><b>Identify who is affected.</b> The person, their family, other "
                    "people you support, you, and your organisation.</li>"
                    "<li><b>Name the principles in tension.</b> For example, "
                    "self-determination against avoiding harm, or confidentiality against "
                    "safety.</li>"
                    "<li><b>Check the rules.</b> Your code of ethics, your organisation's "
                    "policy, and any legal duty such as reporting a child at risk.</li>"
                    "<li><b>Consult.</b> Talk to your supervisor or an experienced colleague, "
                    "sharing no more identifying detail than you need to.</li>"
                    "<li><b>List your options,</b> including doing nothing, and the likely "
                    "consequences of each.</li>"
                    "<li><b>Decide and act,</b> and tell the person what you are doing and why, "
                    "wherever you safely can.</li>"
                    "<li><b>Record and reflect.</b> What would you do the same next time, and "
                    "what would you change?</li>"
                    "</ol>"
                    "<p>Three quick tests help. Would I be comfortable if my supervisor, or the "
                    "person, saw exactly what I did? Whose needs am I meeting? Am I choosing "
                    "this because it is right, or because it is easier for me?</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "A lift to the assessment",
                        "situation": "<p>Rosa has missed two appointments because the bus from "
                        "her estate doesn't run early enough. Her benefits assessment is on "
                        "Friday at 9am, and if she misses it her payments could be stopped. "
                        "She asks you to drive her in your own car. Your organisation's policy "
                        "says staff must not transport people in personal vehicles.</p>",
                        "questions": [
                            "Which principles are in tension here?",
                            "What options do you have besides breaking the policy or leaving "
                            "Rosa to manage alone?",
                            "Who would you consult, and before when?",
                            "If this keeps happening to people on Rosa's estate, what would "
                            "you do about it?",
                        ],
                    },
                ),
                ("heading", {"text": "Using supervision well", "level": "h2"}),
                (
                    "paragraph",
                    "<p>For the IC&amp;RC Peer Recovery credential, 25 of the 500 practice hours "
                    "must be supervision by a qualified supervisor: IC&amp;RC asks for someone "
                    "with two years' experience of supervising peer workers. Treat those hours "
                    "as more than a box to tick. Supervision is where you learn to do this work "
                    "safely. In peer work it usually covers four things: reviewing your "
                    "practice and your dilemmas, your own wellbeing and how the work is "
                    "affecting your recovery, developing your skills, and keeping your work "
                    "within your role.</p>"
                    "<p>To get the most from it:</p>"
                    "<ul>"
                    "<li>Bring an agenda, however short.</li>"
                    "<li>Bring the hard things, especially mistakes. Supervision that only "
                    "hears about successes can't help you.</li>"
                    "<li>Share only the detail about people you support that the discussion "
                    "needs.</li>"
                    "<li>Ask for feedback on specific skills, not just “How am I doing?”</li>"
                    "<li>Write down what you agreed, and follow it up next time.</li>"
                    "<li>If supervision isn't working, for example because your supervisor "
                    "doesn't understand the peer role, say so, and ask for someone who "
                    "does.</li>"
                    "</ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Prepare for supervision in five minutes",
                        "text": "<p>Before each session, jot down: one thing that went well "
                        "and why; one situation you're unsure about; one thing the work stirred "
                        "up for you; and one skill you want to develop. Those four lines make a "
                        "better session than an hour of trying to remember.</p>",
                    },
                ),
                (
                    "story",
                    {
                        "quote": "I'd told a woman I was supporting that she could text me "
                        "over the weekend if things got bad. She did, all weekend, and I "
                        "answered every message from my kitchen. By Monday I was exhausted and "
                        "a bit resentful, and ashamed of feeling resentful. I nearly didn't "
                        "mention it in supervision. When I did, my supervisor didn't tell me "
                        "off. She helped me work out what to say to the woman, and we set up a "
                        "proper out-of-hours plan for her. Bringing it was the best thing I "
                        "did that month.",
                        "attribution": "Nadia, peer support worker",
                        "consent_note": "Composite story written for training; shared with "
                        "consent of the people it draws on.",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "What is the main purpose of supervision for a peer worker?",
                        "options": [
                            {
                                "text": "To sign off your hours for certification.",
                                "correct": False,
                                "feedback": "Supervision hours count towards certification, "
                                "but logging them isn't the purpose.",
                            },
                            {
                                "text": "A regular, structured space to reflect on your "
                                "practice, work through dilemmas, look after your wellbeing and "
                                "stay within your role.",
                                "correct": True,
                                "feedback": "Yes. It serves you, the people you support and "
                                "your organisation.",
                            },
                            {
                                "text": "Somewhere to go when something has gone wrong.",
                                "correct": False,
                                "feedback": "It helps then, but regular supervision is what "
                                "stops many things going wrong in the first place.",
                            },
                            {
                                "text": "Therapy for your own recovery.",
                                "correct": False,
                                "feedback": "Supervision looks at how the work affects you, "
                                "but your recovery needs its own supports outside work.",
                            },
                        ],
                        "explanation": "Good supervision is regular and proactive, and covers "
                        "both your practice and your wellbeing.",
                    },
                ),
            ],
        },
        {
            "title": "Looking after your own wellness",
            "slug": "your-own-wellness",
            "summary": (
                "Building a personal wellness plan, spotting your early warning signs, and "
                "telling apart burnout, compassion fatigue and vicarious trauma."
            ),
            "estimated_minutes": 60,
            "body": [
                ("heading", {"text": "Your recovery is part of your toolkit", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Your lived experience is why you are valued in this role; your ongoing "
                    "recovery is what makes it safe to use. Peer work means hearing stories "
                    "that echo your own, sometimes being around substances or crisis, and "
                    "carrying other people's hopes and setbacks. Looking after yourself is "
                    "not selfish. It is part of the job.</p>",
                ),
                ("heading", {"text": "A personal wellness plan", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Many peer workers use a plan in the style of WRAP (a Wellness Recovery "
                    "Action Plan). It doesn't need to be elaborate. A useful plan has these "
                    "parts:</p>"
                    "<ul>"
                    "<li>What I am like when I am well.</li>"
                    "<li>What I do every day to stay well: sleep, food, movement, meetings, "
                    "time with people who matter.</li>"
                    "<li>My triggers, including ones the work itself brings.</li>"
                    "<li>My early warning signs.</li>"
                    "<li>What I will do when things start to slide, and who I will contact.</li>"
                    "</ul>"
                    "<p>Check your plan against SAMHSA's four dimensions of recovery: health, "
                    "home, purpose and community. If work has become your whole sense of "
                    "purpose and your only community, that is a warning sign in itself.</p>",
                ),
                ("heading", {"text": "Early warning signs", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Warning signs are personal, but common ones include: dreading the "
                    "phone; lying awake thinking about someone's situation; growing cynical "
                    "(“nothing works for anyone”); skipping your own supports because “I'm "
                    "helping people all day”; snapping at people at home; more caffeine, "
                    "sugar, screens or gambling than usual; remembering your using days "
                    "fondly; saying yes to everything; and believing you are the only one who "
                    "can help someone.</p>",
                ),
                (
                    "heading",
                    {"text": "Burnout, compassion fatigue and vicarious trauma", "level": "h2"},
                ),
                (
                    "paragraph",
                    "<p>These three overlap, but the differences help you choose a response.</p>"
                    "<ul>"
                    "<li><b>Burnout</b> comes mainly from workload and working conditions: too "
                    "many people, an unclear role, poor support. You feel drained, detached and "
                    "less effective. It often needs changes to the work itself.</li>"
                    "<li><b>Compassion fatigue</b> is the cost of caring. Your empathy wears "
                    "thin; you feel numb, or you dread contact with people you usually care "
                    "about.</li>"
                    "<li><b>Vicarious trauma</b> is a change in how you see the world after "
                    "hearing about other people's trauma again and again. The world starts to "
                    "feel more dangerous, images from people's stories intrude, or you become "
                    "watchful and on edge.</li>"
                    "</ul>"
                    "<p>None of these is a personal failing. They are known responses to this "
                    "kind of work, and they are also signals that your organisation may need to "
                    "change caseloads, supervision or support.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Name it early",
                        "text": "<p>The earlier you name what is happening, in supervision or "
                        "with your own supports, the smaller the changes needed to put it "
                        "right. Waiting until you are running on empty usually means time off "
                        "rather than a tweak.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Since starting work in a housing project, Jamal checks "
                        "his locks several times a night and keeps picturing scenes from "
                        "residents' stories. Which is this most like?",
                        "options": [
                            {
                                "text": "Burnout",
                                "correct": False,
                                "feedback": "Burnout is mainly exhaustion from workload and "
                                "conditions, rather than a changed sense of safety.",
                            },
                            {
                                "text": "Vicarious trauma",
                                "correct": True,
                                "feedback": "Yes. Intrusive images and a world that feels more "
                                "dangerous are signs of vicarious trauma.",
                            },
                            {
                                "text": "Poor boundaries",
                                "correct": False,
                                "feedback": "Boundaries can help, but this can happen to "
                                "workers with excellent boundaries. It comes from repeated "
                                "exposure to trauma.",
                            },
                        ],
                        "explanation": "Telling the three apart helps you and your supervisor "
                        "choose the right response, whether that is a lighter caseload, "
                        "trauma-informed supervision or specialist support.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "List three of your own early warning signs, the first "
                        "thing you would do if you noticed each one, and who you would tell.",
                        "guidance": "Choose signs you would actually notice, such as changes in "
                        "sleep, mood or habits, and name real people. Consider sharing the list "
                        "with your supervisor.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "content_warning",
                        "title": "overdose death and grief",
                        "text": "<p>The rest of this lesson includes a peer worker's account "
                        "of the overdose death of a man she supported, and discusses the grief "
                        "that can follow.</p>",
                    },
                ),
                ("heading", {"text": "When someone you support dies", "level": "h2"}),
                (
                    "story",
                    {
                        "quote": "I'd been working with Callum for nearly a year. He'd got his "
                        "flat, started volunteering, and we'd been laughing about his awful "
                        "cooking the week before. His sister phoned the office to say he'd "
                        "died of an overdose. I carried on with my afternoon visits because I "
                        "didn't know what else to do. That night everything came back: friends "
                        "I'd lost, the times it nearly happened to me. I kept asking what I'd "
                        "missed. It took weeks, and a lot of supervision, before I could "
                        "believe it wasn't my fault.",
                        "attribution": "Lorna, peer recovery worker",
                        "consent_note": "Composite story written for training; shared with "
                        "consent of the people it draws on.",
                    },
                ),
                (
                    "paragraph",
                    "<p>Grief in peer work is real, and often unacknowledged. You may not feel "
                    "entitled to grieve someone who wasn't family, or you may not be invited to "
                    "the funeral. The death can reopen your own losses, and guilt (“What if "
                    "I'd…”) is almost universal. What helps: tell your supervisor straight "
                    "away, and don't just carry on with the day. Debrief with colleagues. Use "
                    "your own supports. Take time if you need it. Go to a memorial if the "
                    "family welcomes it, or mark the loss in your own way. If your organisation "
                    "offers counselling, use it. And keep returning to this: you were not "
                    "responsible for another adult's substance use. You gave them connection "
                    "and hope while they were here.</p>",
                ),
            ],
        },
        {
            "title": "When your recovery wobbles, and keeping your credential current",
            "slug": "recovery-wobbles-and-renewal",
            "summary": (
                "What to do if your own recovery becomes unsteady while you're working, and how "
                "to plan continuing education for renewal."
            ),
            "estimated_minutes": 45,
            "body": [
                ("heading", {"text": "If your own recovery wobbles", "level": "h2"}),
                (
                    "paragraph",
                    "<p>It happens. Lived experience includes the possibility that symptoms "
                    "return, or that you use again. The ethical question is not whether your "
                    "recovery has ever wobbled, but what you do when it does. Warning signs "
                    "might include cravings growing stronger, a return to use, your mood "
                    "sinking, stopping medication without advice, or pulling away from the "
                    "people who keep you well.</p>"
                    "<ol>"
                    "<li><b>Be honest with yourself.</b> Act on the early signs rather than "
                    "waiting to be sure.</li>"
                    "<li><b>Use your plan and your supports:</b> your sponsor, therapist, GP or "
                    "recovery friends. Never lean on the people you support.</li>"
                    "<li><b>Tell your supervisor,</b> and the earlier the better. Many "
                    "organisations have policies to support workers in recovery. The "
                    "conversation is about your wellbeing and safe practice, not "
                    "punishment.</li>"
                    "<li><b>Think about stepping back for a while.</b> You might take on fewer "
                    "people, take leave, or pause group work.</li>"
                    "<li><b>Never work under the influence,</b> and don't hide a return to use "
                    "while you are working. The safety of the people you support and your own "
                    "integrity both depend on it.</li>"
                    "<li><b>Plan your return</b> with your supervisor: what support you'll "
                    "need, and what you'll watch for.</li>"
                    "</ol>"
                    "<p>You don't owe everyone your story, but your supervisor needs to know "
                    "about anything that affects your practice. Also check what your board "
                    "expects. Some credentials set recovery conditions; for example, NAADAC's "
                    "NCPRSS asks for two years of self-attested recovery.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "A hard month",
                        "situation": "<p>Since your brother died six weeks ago you've been "
                        "sleeping badly and have skipped most of your own meetings. Last "
                        "Saturday you bought a bottle of wine, then poured it away. Today a man "
                        "you support tells you he has started drinking again, and you notice "
                        "you feel envious rather than concerned. You're due to co-facilitate a "
                        "group tomorrow.</p>",
                        "questions": [
                            "Which early warning signs can you see?",
                            "Who do you talk to, and what do you say?",
                            "Should you co-facilitate tomorrow? What would help you decide?",
                            "What would you want your supervisor to do with this information?",
                        ],
                    },
                ),
                ("heading", {"text": "Continuing education and renewal", "level": "h2"}),
                (
                    "paragraph",
                    "<p>A credential is not for life. The IC&amp;RC Peer Recovery credential "
                    "is renewed every two years, and you need 20 hours of continuing education "
                    "in that time, 6 of them in ethics. Other boards set different numbers: "
                    "the Texas Certified Peer Specialist needs 20 hours every two years "
                    "including 3 of ethics, and Pennsylvania's CPS needs 36 hours every two "
                    "years. Always check the current rules of your own board.</p>"
                    "<p>Continuing education is also a chance to grow, not just to collect "
                    "hours. Use supervision feedback to choose training that fills your gaps. "
                    "Ethics hours can cover useful ground: boundaries in small communities, "
                    "confidentiality in digital and text-based work, cultural humility, or "
                    "working alongside clinical teams.</p>"
                    "<ul>"
                    "<li>Keep a running log with certificates from day one.</li>"
                    "<li>Spread your hours across the two years instead of cramming.</li>"
                    "<li>Check early that a course counts for your board and for which "
                    "category.</li>"
                    "<li>Put your expiry date in your calendar, with a reminder months "
                    "ahead.</li>"
                    "</ul>"
                    "<p>If your credential lapses, you may not be able to practise under that "
                    "title until it is renewed or reinstated.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Build a renewal file from day one",
                        "text": "<p>Keep one folder, paper or digital, with your certificate, "
                        "expiry date, your board's renewal rules and every training certificate, "
                        "each labelled with the date, hours and category (ethics or general). "
                        "Renewal then takes ten minutes instead of a weekend of searching.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Eighteen months into your two-year IC&RC Peer Recovery "
                        "credential, you have logged 22 hours of continuing education, all on "
                        "motivational interviewing and housing law. What is the problem?",
                        "options": [
                            {
                                "text": "There isn't one. You have more than the 20 hours needed.",
                                "correct": False,
                                "feedback": "The total is enough, but the mix isn't.",
                            },
                            {
                                "text": "None of the hours are in ethics, and 6 of the 20 must be.",
                                "correct": True,
                                "feedback": "Yes. You still have time to complete ethics "
                                "training before renewal.",
                            },
                            {
                                "text": "Housing law isn't a peer support topic, so those "
                                "hours won't count.",
                                "correct": False,
                                "feedback": "Linking to resources is a core peer competency. "
                                "Check with your board, but don't assume it won't count.",
                            },
                        ],
                        "explanation": "Renewal rules usually specify categories as well as "
                        "totals. Check the ethics requirement early.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "What would you want your supervisor to know now, before "
                        "anything goes wrong, so they can help you notice if your recovery is "
                        "becoming unsteady?",
                        "guidance": "You choose how much to share. Think about the signs "
                        "others notice before you do, and how you would like to be asked about "
                        "them.",
                    },
                ),
            ],
        },
    ],
}

QUIZ = [
    {
        "kind": "multiple",
        "vignette": "",
        "text": "Which of these are core principles in a peer worker's code of ethics? Choose "
        "all that apply.",
        "options": [
            {
                "text": "Self-determination: the person decides their own goals and pathway.",
                "correct": True,
                "feedback": "Correct. You offer information and options, not instructions.",
            },
            {
                "text": "Non-discrimination, including towards people on recovery pathways "
                "different from your own.",
                "correct": True,
                "feedback": "Correct. Respect for every pathway is part of non-discrimination.",
            },
            {
                "text": "Working within your role and passing on what is beyond it.",
                "correct": True,
                "feedback": "Correct. Knowing your limits protects the person and you.",
            },
            {
                "text": "Sharing your full recovery story early, to build trust.",
                "correct": False,
                "feedback": "Sharing is a skill to use with purpose, not an obligation. "
                "Over-sharing can shift the focus onto you.",
            },
            {
                "text": "Agreeing with the person's choices, to preserve mutuality.",
                "correct": False,
                "feedback": "Respecting someone's choice isn't the same as agreeing with it. "
                "Honesty means you can share concerns while accepting their decision.",
            },
        ],
        "explanation": "The code's principles work together: respect for choice, fairness, "
        "honesty, avoiding harm, role limits, confidentiality and boundaries.",
    },
    {
        "kind": "scenario",
        "vignette": "Ama, whom you have supported for six months, has just moved into her own "
        "flat. At your last meeting she hands you an envelope of cash “for everything you've "
        "done”. Your organisation does not allow staff to accept money.",
        "text": "What is the best response?",
        "options": [
            {
                "text": "Accept it, because refusing would hurt her and damage the relationship.",
                "correct": False,
                "feedback": "Her feelings matter, but accepting money creates an obligation "
                "and breaks policy. You can refuse without rejecting her.",
            },
            {
                "text": "Thank her warmly, explain that you can't accept money, say what her "
                "thanks means to you, and let your supervisor know.",
                "correct": True,
                "feedback": "Yes. This honours the gesture, holds the boundary and keeps the "
                "process transparent.",
            },
            {
                "text": "Accept it quietly and give it to charity.",
                "correct": False,
                "feedback": "Well meant, but it is still accepting money outside policy, and "
                "it isn't honest with Ama.",
            },
            {
                "text": "Hand it back and remind her that gifts are against the rules.",
                "correct": False,
                "feedback": "The boundary is right but the delivery isn't. A curt refusal can "
                "feel like rejection at an important moment.",
            },
        ],
        "explanation": "Boundaries around gifts protect both people. How you hold the boundary "
        "matters as much as the boundary itself.",
    },
    {
        "kind": "scenario",
        "vignette": "Lee tells you he is leaving his supported housing to move in with an old "
        "friend who is still using heavily. He says he's lonely and the friend is the only "
        "person who understands him.",
        "text": "Which response best balances self-determination and avoiding harm?",
        "options": [
            {
                "text": "Tell his housing worker so they can stop him, without mentioning it "
                "to Lee.",
                "correct": False,
                "feedback": "Acting behind his back breaks trust. Unless there is a serious "
                "risk that meets the confidentiality limits, this is his decision to make.",
            },
            {
                "text": "Say nothing about your concerns. It is his life and his choice.",
                "correct": False,
                "feedback": "Self-determination doesn't require silence. Honesty means "
                "sharing your concerns and the information he needs.",
            },
            {
                "text": "Explore what he is hoping for, share your concerns honestly, look "
                "together at other ways to meet his need for connection, and help him plan "
                "for risks if he goes.",
                "correct": True,
                "feedback": "Yes. The decision stays his, but it is an informed one, and you "
                "stay alongside him whatever he chooses.",
            },
            {
                "text": "Tell him you can't keep supporting him if he moves in with someone "
                "who is using.",
                "correct": False,
                "feedback": "Making support conditional on his choices is coercive, and it "
                "removes support just when he may need it most.",
            },
        ],
        "explanation": "When self-determination and avoiding harm pull apart, inform, explore "
        "and plan for safety together, while the decision stays with the person.",
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "Feeling numb and dreading contact with people you support is a sign that you "
        "are not suited to peer work.",
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": "These are common signs of compassion fatigue, a known response to "
                "caring work. They are not a verdict on your suitability.",
            },
            {
                "text": "False",
                "correct": True,
                "feedback": "Correct. They are signals to act on, in supervision and with your "
                "own supports, not a reason to feel ashamed.",
            },
        ],
        "explanation": "Burnout, compassion fatigue and vicarious trauma are responses to the "
        "work, not personal failings. Naming them early makes them easier to address.",
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "You face an ethical dilemma and the decision isn't urgent. Why should you "
        "consult your supervisor before acting?",
        "options": [
            {
                "text": "So the responsibility for the outcome passes to the supervisor.",
                "correct": False,
                "feedback": "You remain responsible for your actions. Consultation informs "
                "your decision; it doesn't hand it over.",
            },
            {
                "text": "To test your reasoning, spot options and rules you may have missed, "
                "and check whose needs you are really meeting.",
                "correct": True,
                "feedback": "Yes. A second view catches blind spots, especially when you're "
                "emotionally involved.",
            },
            {
                "text": "Because peer workers aren't allowed to make ethical decisions alone.",
                "correct": False,
                "feedback": "You make ethical choices all day. Consultation is for the "
                "dilemmas where the right answer isn't clear.",
            },
        ],
        "explanation": "Consultation is one step in a clear process: pause, gather facts, name "
        "the principles in tension, check the rules, consult, weigh options, act, and reflect.",
    },
    {
        "kind": "scenario",
        "vignette": "You've had strong cravings for several weeks since a family bereavement, "
        "and you drank at the weekend for the first time in years. You're due to co-facilitate "
        "a group on Tuesday, and you haven't told anyone.",
        "text": "What is the most ethical next step?",
        "options": [
            {
                "text": "Say nothing. One drink isn't a relapse, and you can handle it.",
                "correct": False,
                "feedback": "Minimising is itself an early warning sign. Keeping it secret "
                "leaves you without support and your practice unchecked.",
            },
            {
                "text": "Speak to your supervisor before Tuesday, use your own supports, and "
                "decide together whether to step back for now.",
                "correct": True,
                "feedback": "Yes. Early honesty protects you and the people you support, and "
                "it's what most organisations' policies expect.",
            },
            {
                "text": "Share it with the group on Tuesday as an example of honest lived "
                "experience.",
                "correct": False,
                "feedback": "Sharing something this raw meets your needs rather than theirs, "
                "and it asks the group to support you.",
            },
            {
                "text": "Resign straight away so no one is put at risk.",
                "correct": False,
                "feedback": "A wobble doesn't have to end your career. Stepping back with "
                "support is usually possible, but only if you tell someone.",
            },
        ],
        "explanation": "What matters ethically is what you do when your recovery wobbles: use "
        "your supports, tell your supervisor early, and adjust your work to keep everyone safe.",
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "Which of these is most likely a sign of vicarious trauma rather than burnout?",
        "options": [
            {
                "text": "Feeling exhausted because you have far more people to support than "
                "the hours allow.",
                "correct": False,
                "feedback": "That sounds like burnout, which is mainly driven by workload and "
                "conditions.",
            },
            {
                "text": "Starting to see the world as generally dangerous, with images from "
                "people's stories coming back to you.",
                "correct": True,
                "feedback": "Yes. A changed sense of safety and intrusive images point to "
                "vicarious trauma.",
            },
            {
                "text": "Feeling frustrated that your role on the team isn't clear.",
                "correct": False,
                "feedback": "Role confusion is a common driver of burnout rather than "
                "vicarious trauma.",
            },
        ],
        "explanation": "Burnout is about the conditions of the work; vicarious trauma is about "
        "what repeated exposure to others' trauma does to your view of the world.",
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "To renew the IC&RC Peer Recovery credential, any 20 hours of continuing "
        "education completed within the two years are enough.",
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": "The total is 20 hours, but 6 of them must be in ethics.",
            },
            {
                "text": "False",
                "correct": True,
                "feedback": "Correct. Renewal needs 20 hours every two years, 6 of them in ethics.",
            },
        ],
        "explanation": "Renewal rules set categories as well as totals, and they differ between "
        "boards. Keep a log and check your board's current requirements.",
    },
]
