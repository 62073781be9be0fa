MODULE = {
    "title": "Confidentiality and its limits",
    "slug": "confidentiality",
    "domain": "ethical-responsibility",
    "training_hours": 5,
    "summary": (
        "Why confidentiality is the foundation of trust, what counts as identifying "
        "information, how to write de-identified notes and practice-log entries, and where "
        "confidentiality has to end."
    ),
    "objectives": [
        (
            "Explain why confidentiality is the basis of trust in peer support, and what is at "
            "stake for people when it is broken."
        ),
        (
            "Recognise identifying information, including details that identify someone only "
            "in combination."
        ),
        (
            "Write de-identified practice-log reflections, and discuss your work in "
            "supervision without identifying people unnecessarily."
        ),
        (
            "Describe the limits of confidentiality and explain them to people at the start of "
            "a relationship or group."
        ),
        (
            "Respond to a disclosure of serious risk, or to a colleague's breach, in line with "
            "your code of ethics and your organisation's procedures."
        ),
    ],
    "lessons": [
        {
            "title": "Confidentiality and trust",
            "slug": "confidentiality-and-trust",
            "summary": (
                "Confidentiality is what makes it safe to tell a peer worker the truth; this "
                "lesson covers what it protects, what it includes and where everyday breaches "
                "happen."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Why it matters so much", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>People tell peer workers things they have not told anyone else: a "
                        "relapse their family does not know about, a diagnosis they hide at "
                        "work, a past they are ashamed of. They tell you because they believe "
                        "it will go no further than it needs to. That belief is the foundation "
                        "of everything else in the relationship. If it breaks, it rarely comes "
                        "back, and the person may be slower to trust any service again.</p>"
                        "<p>The stakes are high. Because of stigma, a careless word about "
                        "someone's mental health or substance use can cost them a job, a "
                        "tenancy, contact with their children, a relationship or their "
                        "standing in their community. Writing about peer groups names "
                        "confidentiality as one of their main challenges: people hold back "
                        "when they are unsure what will happen to what they say, and the whole "
                        "group loses depth.</p>"
                    ),
                ),
                ("heading", {"text": "What confidentiality covers", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Confidentiality is wider than secrets. It covers:</p>"
                        "<ul>"
                        "<li>the fact that someone uses your service at all; even “I saw her "
                        "at the drop-in” is a disclosure;</li>"
                        "<li>anything they tell you, whether or not they say it is "
                        "private;</li>"
                        "<li>what you learn about them from records, team meetings or "
                        "colleagues;</li>"
                        "<li>what you see: their home, their family, who they are with.</li>"
                        "</ul>"
                        "<p>It does not usually mean that nothing is shared with anyone. In "
                        "most services, information is shared within the team on a "
                        "need-to-know basis, to support the person. What matters is that the "
                        "person knows this from the start, and that you share only what "
                        "colleagues need to do their part.</p>"
                    ),
                ),
                ("heading", {"text": "Small communities", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Recovery communities are often small, and you will run into people "
                        "you support at the shops, at meetings or at the bus stop. A common "
                        "practice is to let them decide whether to acknowledge you: if they "
                        "say hello, say hello back warmly; if they don't, let it pass. Don't "
                        "ask how things are going in front of others. If someone you are with "
                        "asks who that was, “Just someone I know” is enough.</p>"
                    ),
                ),
                ("heading", {"text": "Where breaches really happen", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Most breaches are not dramatic. They happen in ordinary moments, "
                        "usually made by kind people who were not thinking: a story over "
                        "lunch, a phone call on the bus, a message sent to the wrong person, "
                        "notes left on a café table, a worried relative on the phone.</p>"
                        "<ul>"
                        "<li><b>Talking with colleagues.</b> Discussing the work is healthy, "
                        "but there is a difference between supervision or a team meeting, with "
                        "a purpose and a private setting, and a story told in a canteen or "
                        "corridor where others can hear, including other people who use the "
                        "service.</li>"
                        "<li><b>Phones and screens.</b> Take work calls where you cannot be "
                        "overheard, keep notes on work systems rather than your personal "
                        "phone, check the recipient before you press send, and lock your "
                        "screen when you step away.</li>"
                        "<li><b>Families and other callers.</b> You can listen without "
                        "confirming anything: “I can't say whether someone uses our service, "
                        "but I can hear you're worried, and I can tell you about support for "
                        "families.” Then let the person know about the call and ask what, if "
                        "anything, they want shared.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "scenario",
                    {
                        "title": "A story over lunch",
                        "situation": (
                            "<p>In the staff canteen, which visitors also use, a colleague "
                            "starts telling you and two others about a man she supports: “You "
                            "won't believe what he said today. He's the one who used to run "
                            "the pub on the corner…” She begins describing his relapse in "
                            "detail, and the others laugh. You notice that the people at the "
                            "next table have gone quiet.</p>"
                        ),
                        "questions": [
                            (
                                "What could you say in the moment without humiliating your "
                                "colleague?"
                            ),
                            (
                                "Which details in her story could identify the man, even "
                                "without his name?"
                            ),
                            "Is there anything you should do afterwards, and with whom?",
                            (
                                "How could your colleague's need to talk about a hard day be "
                                "met in a better way?"
                            ),
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Interrupt kindly, but interrupt",
                        "text": (
                            "<p>A breach does not become acceptable because it is awkward to "
                            "stop. A light, quick intervention — “Hang on, let's save this for "
                            "somewhere private” — protects the person and usually spares your "
                            "colleague too. If it keeps happening, or it is serious, raise it "
                            "with your supervisor.</p>"
                        ),
                    },
                ),
                (
                    "story",
                    {
                        "quote": (
                            "When I first used services I told a support worker I'd been "
                            "sleeping in my car. The next week my sister mentioned it; the "
                            "worker's partner knew her from the gym. I didn't go back for "
                            "almost a year. When I finally met a peer worker, the first thing "
                            "she did was explain exactly who would see what I told her, and "
                            "what she'd do if she was worried about me. It sounds small. It's "
                            "the reason I kept coming."
                        ),
                        "attribution": "Ella, remembering the start of her recovery",
                        "consent_note": (
                            "Composite story written for training; shared with consent of the "
                            "people it draws on."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "A mother phones asking whether her adult son has been coming to "
                            "your drop-in, because she is worried about him. You do support "
                            "him. What should you do?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Reassure her that he has been coming and seems well, "
                                    "since she is clearly worried."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Even confirming that he attends is a disclosure, unless "
                                    "he has agreed to it."
                                ),
                            },
                            {
                                "text": (
                                    "Explain that you can't confirm who uses the service, "
                                    "listen to her worries, tell her about support for "
                                    "families, and let him know she called."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. You are kind to her while protecting his "
                                    "confidentiality, and he decides what is shared."
                                ),
                            },
                            {
                                "text": "Tell her you can't speak to her and end the call.",
                                "correct": False,
                                "feedback": (
                                    "She is worried and deserves kindness. You can listen and "
                                    "point her to support without disclosing anything."
                                ),
                            },
                        ],
                        "explanation": (
                            "Confidentiality includes the fact that someone uses your service. "
                            "You can still be warm and helpful to families without confirming "
                            "anything."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "What counts as identifying information",
            "slug": "identifying-information",
            "summary": (
                "Leaving out a name is not enough; this lesson covers direct identifiers, "
                "details that identify in combination, and a simple test to apply."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Direct identifiers", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Some information points straight at a person. Treat all of these "
                        "as identifying wherever they appear:</p>"
                        "<ul>"
                        "<li>names, including first names, surnames, initials and "
                        "nicknames;</li>"
                        "<li>dates of birth, and other exact dates tied to the person, such as "
                        "an admission, a discharge or a court date;</li>"
                        "<li>addresses, including partial ones such as a street, an estate or "
                        "the name of a hostel;</li>"
                        "<li>phone numbers and email addresses;</li>"
                        "<li>case, record, hospital, benefit or other reference numbers;</li>"
                        "<li>photographs, voice recordings and sometimes handwriting.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", {"text": "Details that identify in combination", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Many people assume that a note without a name is anonymous. Often "
                        "it isn't. Details that are harmless on their own can identify someone "
                        "when they are put together, especially in a small town, a small team "
                        "or a close recovery community. For example:</p>"
                        "<ul>"
                        "<li>“a woman in her twenties” could be anyone;</li>"
                        "<li>“a woman in her twenties who works at the garden centre” is "
                        "narrower;</li>"
                        "<li>“a woman in her twenties who works at the garden centre, has "
                        "twins and came out of hospital last month” is, in many places, "
                        "someone a reader would recognise at once.</li>"
                        "</ul>"
                        "<p>Other details that can identify in combination include a job or "
                        "employer, an unusual diagnosis or experience, a distinctive event "
                        "(“the man whose house fire was in the paper”), family make-up, an "
                        "ethnicity or language that few people share locally, a named group "
                        "and the day it meets, and physical features such as tattoos.</p>"
                    ),
                ),
                ("heading", {"text": "The test to apply", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Ask: <b>could someone who knows this person, or knows my service, "
                        "work out who this is?</b> Picture the best-informed reader, not the "
                        "least: a colleague, a supervisor from the same area, a relative, "
                        "another member of the same group. If the answer is yes or maybe, "
                        "remove or generalise details until it is no.</p>"
                    ),
                ),
                ("heading", {"text": "Where this applies", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>The same standard applies wherever you talk or write about people "
                        "you support outside their proper record: your practice log, "
                        "supervision notes, training exercises, conversations with peer "
                        "workers from other services, and anything you post online, even in "
                        "closed groups. Inside the official record your organisation keeps, "
                        "identifying details are needed and protected. Outside it, they do not "
                        "belong.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Generalise, don't decorate",
                        "text": (
                            "<p>When you change details to protect someone, make them vaguer "
                            "rather than inventing new specifics. “A person I support” is "
                            "safer than swapping one job for another, which can accidentally "
                            "point at somebody else.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Anonymous enough?",
                        "situation": (
                            "<p>At a regional training day, a peer worker from another service "
                            "illustrates a point with a story: “We had a guy recently, "
                            "ex-army, lives out by the reservoir, lost his wife last year, who "
                            "turned up drunk at our Friday group.” Someone at your table "
                            "whispers, “I think that's my neighbour.”</p>"
                        ),
                        "questions": [
                            "Which details made the man identifiable, even without a name?",
                            "How could the trainer have made the same teaching point safely?",
                            "Is there anything you, or the trainer, should do now?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Which of these descriptions is least likely to identify the person?"
                        ),
                        "options": [
                            {
                                "text": "“Jay, who I see on Tuesdays.”",
                                "correct": False,
                                "feedback": (
                                    "A first name and a regular day are enough for colleagues "
                                    "to know exactly who this is."
                                ),
                            },
                            {
                                "text": (
                                    "“A young man I support one-to-one, who is working on "
                                    "getting back into work.”"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. There is enough context to discuss your practice "
                                    "without pointing at anyone."
                                ),
                            },
                            {
                                "text": (
                                    "“The only Polish speaker in our evening group, who has "
                                    "just started at the bakery on the high street.”"
                                ),
                                "correct": False,
                                "feedback": (
                                    "There is no name, but language, group, job and location "
                                    "together would identify him to anyone local."
                                ),
                            },
                            {
                                "text": "“Client 4471 on the housing pathway.”",
                                "correct": False,
                                "feedback": (
                                    "A case or record number is a direct identifier: anyone "
                                    "with access to the records can look it up."
                                ),
                            },
                        ],
                        "explanation": (
                            "Removing a name is only the start. Check for direct identifiers, "
                            "then for details that point to one person when combined."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "De-identified notes: your practice log and supervision",
            "slug": "de-identified-notes",
            "summary": (
                "Why Peerpath will not accept practice-log reflections that contain "
                "identifiers, and how to write notes about your work that are useful without "
                "them."
            ),
            "estimated_minutes": 35,
            "body": [
                (
                    "heading",
                    {
                        "text": "Why Peerpath refuses identifiers in your practice log",
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Your practice log is a record of <i>your</i> learning and hours "
                        "towards certification. Your supervisor reads it, assessors or the "
                        "certification board may review it, and it is kept for as long as your "
                        "credential needs evidence behind it. The people you support agreed to "
                        "receive support. They did not agree to become part of someone else's "
                        "certification file.</p>"
                        "<p>So Peerpath checks each practice-log reflection for things that "
                        "look like identifiers, such as names, dates of birth, phone numbers, "
                        "email addresses and record numbers, and will not accept the entry "
                        "until they are taken out. It is not a judgement on you; it is a "
                        "safety net. But a check like this can only catch what it recognises. "
                        "It cannot tell that “the only Polish speaker in our evening group” "
                        "points at one person. Writing de-identified notes is still your "
                        "responsibility.</p>"
                    ),
                ),
                ("heading", {"text": "How to write a de-identified reflection", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ol>"
                        "<li><b>Write about your practice, not their story.</b> The log is for "
                        "what you did, why, what happened and what you learned. Most details "
                        "about the person are simply not needed.</li>"
                        "<li><b>Use a neutral description</b>, such as “a person I support”, "
                        "“a group member” or “someone I met at the drop-in”. No names, "
                        "initials or nicknames.</li>"
                        "<li><b>Leave out dates and places tied to them.</b> Your entry is "
                        "already dated.</li>"
                        "<li><b>Generalise distinctive details</b>: “their job” rather than "
                        "the employer, “a bereavement” rather than who died and how.</li>"
                        "<li><b>Re-read it as the best-informed reader.</b> Could a colleague "
                        "or a relative tell who this is? If so, strip it back further.</li>"
                        "</ol>"
                    ),
                ),
                ("heading", {"text": "Before and after", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p><b>Before:</b> “Met Kerry-Ann (DOB 14/03/1991) at her flat on Mill "
                        "Lane. She's worried about her court date on the 21st and says her ex "
                        "keeps ringing her on 07700 900461. I felt out of my depth.”</p>"
                        "<p><b>After:</b> “One-to-one session at the person's home. She is "
                        "anxious about a coming court hearing and about unwanted contact from "
                        "a former partner. We made a list of questions for her solicitor. I "
                        "felt out of my depth on the legal side and caught myself giving "
                        "opinions; next time I will say so and focus on helping her get proper "
                        "advice. Took this to supervision.”</p>"
                        "<p><b>Before:</b> “Group tonight: Mo told everyone about his relapse "
                        "after his brother's funeral, and Tasha (case no. 20931) got upset and "
                        "walked out.”</p>"
                        "<p><b>After:</b> “In tonight's group, one member spoke about a recent "
                        "return to use after a bereavement. Another member became distressed "
                        "and left early, and I followed our procedure for checking on someone "
                        "who leaves a group. On reflection, I could have reminded the group "
                        "about giving a content warning before sharing something heavy.”</p>"
                        "<p><b>Before:</b> “Helped J.P., the chef from the Italian place by "
                        "the station, ring the benefits office.”</p>"
                        "<p><b>After:</b> “Supported a person to make a phone call about "
                        "benefits that they had been putting off. I sat with them while they "
                        "made the call rather than making it for them.”</p>"
                        "<p>Notice that the “after” versions are often better reflections. "
                        "Without the details, they focus on what you did and what you "
                        "learned.</p>"
                    ),
                ),
                ("heading", {"text": "Supervision discussions", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Supervision is where you bring the hardest situations, and "
                        "sometimes you will need to talk about a person in some detail. Follow "
                        "your organisation's policy. If your supervisor works in the same "
                        "service and has access to the record, using a first name in "
                        "conversation may be allowed and useful. If your supervisor is "
                        "external, or you are in group supervision with peer workers from "
                        "other services, use the same de-identified approach as your practice "
                        "log. Any written supervision notes should meet the practice-log "
                        "standard.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Write the lesson, not the life",
                        "text": (
                            "<p>Before you submit an entry, look at each detail about the "
                            "person and ask whether you need it to explain what <i>you</i> did "
                            "and learned. If you don't, delete it.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "A returned log entry",
                        "situation": (
                            "<p>You submit a practice-log reflection about a difficult "
                            "conversation. Peerpath will not accept it because it contains a "
                            "date of birth, which you had included so that your supervisor "
                            "would know who you meant. You are frustrated: “How else is she "
                            "supposed to know who I'm talking about?”</p>"
                        ),
                        "questions": [
                            (
                                "Does your supervisor need to know who the person is in order "
                                "to approve the entry? Why or why not?"
                            ),
                            (
                                "Where is the right place to discuss this person in "
                                "identifying detail, if that is needed?"
                            ),
                            (
                                "Rewrite the opening line of your entry so that it makes the "
                                "same point without identifiers."
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Take a recent conversation from your practice, or from your own "
                            "life, and write a two-sentence de-identified reflection on it. "
                            "Then re-read it as someone who knows the people involved. Could "
                            "they tell who it was?"
                        ),
                        "guidance": (
                            "Check for names, initials, dates, places, jobs, family details "
                            "and distinctive events. Keep the focus on what you did and what "
                            "you learned."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Why does Peerpath refuse practice-log reflections that contain "
                            "identifying details?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Because the people you support agreed to receive support, "
                                    "not to appear in your certification record."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Your log is read by your supervisor, may be reviewed "
                                    "by others, and is kept for a long time."
                                ),
                            },
                            {
                                "text": (
                                    "Because supervisors are not allowed to know anything "
                                    "about the people you support."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Supervisors often need to discuss real situations. That "
                                    "happens in supervision, under your organisation's policy, "
                                    "not in your certification record."
                                ),
                            },
                            {
                                "text": (
                                    "Because identifying details make entries too long to review."
                                ),
                                "correct": False,
                                "feedback": "Length is not the point; privacy is.",
                            },
                        ],
                        "explanation": (
                            "Your practice log is about your practice. Keep identifying "
                            "details in the proper record, and write reflections that anyone "
                            "could read without learning who you support."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "The limits of confidentiality",
            "slug": "limits-of-confidentiality",
            "summary": (
                "Confidentiality is strong but not absolute; this lesson covers the usual "
                "limits, how to explain them up front, and how to agree confidentiality in a "
                "group."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Confidentiality is not secrecy", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Confidentiality is strong, but it is not absolute. There are "
                        "situations in which you must share information even if the person "
                        "asks you not to. Being clear about these limits, with yourself and "
                        "with the people you support, is part of being trustworthy. Promising "
                        "total secrecy and then breaking the promise does far more damage than "
                        "being honest at the start.</p>"
                    ),
                ),
                ("heading", {"text": "The usual limits", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The exact rules depend on where you work, your organisation's "
                        "policy and the law, so learn them properly for your own role. In most "
                        "services, confidentiality can be broken when:</p>"
                        "<ul>"
                        "<li><b>there is a risk of serious harm to the person "
                        "themselves</b>;</li>"
                        "<li><b>there is a risk of serious harm to someone else</b>, including "
                        "a specific threat of violence;</li>"
                        "<li><b>a child or an adult at risk is in danger</b> of abuse or "
                        "neglect, because safeguarding overrides confidentiality;</li>"
                        "<li><b>the law requires it</b>, for example through a court order or "
                        "a legal duty to report certain things where you work.</li>"
                        "</ul>"
                        "<p>Even then, share only what is needed, only with those who need it, "
                        "and through your organisation's procedures, usually via your "
                        "supervisor or the named safeguarding lead. Record what you shared, "
                        "with whom and why.</p>"
                    ),
                ),
                ("heading", {"text": "Tell people up front", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>People have a right to know the limits before they decide what to "
                        "tell you. Explain them at your first meeting, in plain words, and "
                        "again when they become relevant. For example:</p>"
                        "<p><i>“What you tell me stays between us and the team that supports "
                        "you. I won't discuss it with your family or anyone else without your "
                        "say-so. The exception is if I'm worried that you or someone else, "
                        "especially a child, is at risk of serious harm. Then I'd need to talk "
                        "to someone, and wherever I can, I'll tell you first and we'll work "
                        "out together what happens next.”</i></p>"
                        "<p>If someone begins with “Can I tell you something if you promise "
                        "not to tell anyone?”, don't make the promise. Try: “I'd like to hear "
                        "it. I can't promise before I know what it is, because if someone's at "
                        "risk I might need to get help. But I'll always be honest with you "
                        "about what I do.”</p>"
                    ),
                ),
                ("heading", {"text": "Group confidentiality agreements", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>In a group, confidentiality is held by every member, and you "
                        "cannot fully control it. Most groups agree some version of “what's "
                        "said here stays here; what's learned here leaves here”: members can "
                        "take away ideas and insights, but not names or other people's "
                        "stories. Good practice is to:</p>"
                        "<ul>"
                        "<li>agree it together at the first session, and again whenever a new "
                        "member joins, rather than reading it out as a rule;</li>"
                        "<li>be honest that you can ask members to keep confidentiality but "
                        "cannot guarantee it, so that each person can decide what to "
                        "share;</li>"
                        "<li>agree how members will treat each other if they meet outside the "
                        "group;</li>"
                        "<li>explain your own limits as facilitator, which are the same as in "
                        "one-to-one work;</li>"
                        "<li>agree what will happen if the agreement is broken.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Honest limits build trust",
                        "text": (
                            "<p>People trust a worker who tells them the truth about "
                            "confidentiality, limits included, far more than one who promises "
                            "everything. Say it early, say it plainly, and keep to it.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Write, in your own words, how you will explain the limits of "
                            "confidentiality to someone at your first meeting. Then read it "
                            "aloud. Does it sound like you, and would it have reassured you "
                            "when you first used services?"
                        ),
                        "guidance": (
                            "Keep it short and plain. Cover what stays private, who else may "
                            "see information, the exceptions, and what you will do if an "
                            "exception applies."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "A person begins: “Can I tell you something if you promise not to "
                            "tell anyone?” What is the best response?"
                        ),
                        "options": [
                            {
                                "text": "“Of course. Anything you tell me stays with me.”",
                                "correct": False,
                                "feedback": (
                                    "You cannot know this before you hear it. If it involves "
                                    "serious risk, you would have to break the promise."
                                ),
                            },
                            {
                                "text": (
                                    "“I'd like to hear it. I can't promise before I know what "
                                    "it is, but I'll always be honest with you about what I do "
                                    "with it.”"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. This keeps the door open while being truthful about "
                                    "the limits."
                                ),
                            },
                            {
                                "text": (
                                    "“Better not tell me, then. I have to report everything.”"
                                ),
                                "correct": False,
                                "feedback": (
                                    "This is not accurate, and it may stop them telling anyone "
                                    "at all."
                                ),
                            },
                        ],
                        "explanation": (
                            "Never promise secrecy in advance. Be honest about the limits and "
                            "keep the person with you."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "When someone discloses a risk",
            "slug": "responding-to-risk",
            "summary": (
                "What to do when someone tells you something that means confidentiality has to "
                "be broken, including how to respond if someone talks about suicide. The "
                "suicide section carries a content warning."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Breaking confidentiality well", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Sooner or later, someone will tell you something that you cannot "
                        "keep to yourself. How you handle those minutes can decide whether the "
                        "person feels betrayed or supported, and whether they stay connected "
                        "to help. The principles are the same whatever the risk:</p>"
                        "<ul>"
                        "<li><b>Stay calm and stay with them.</b> Thank them for telling you. "
                        "Do not rush to end the conversation.</li>"
                        "<li><b>Be honest.</b> Tell them what you need to do and why, before "
                        "you do it wherever it is safe to.</li>"
                        "<li><b>Involve them.</b> Ask what they would like to happen, who they "
                        "would like involved and what has helped before. Their wellness or "
                        "crisis plan, if they have one, can guide you.</li>"
                        "<li><b>Follow your procedure.</b> Go through your supervisor, the "
                        "on-call clinician or the safeguarding lead, as your organisation "
                        "requires. Do not handle it alone, and do not investigate it "
                        "yourself.</li>"
                        "<li><b>Record and debrief.</b> Write up what happened as your service "
                        "requires, and take it to supervision, including how it has affected "
                        "you.</li>"
                        "</ul>"
                        "<p>Everything you do here is within the peer role: listening, being "
                        "honest, staying alongside the person and connecting them to help. "
                        "Assessing risk is not your job; noticing it and acting on it is.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "content_warning",
                        "title": "suicide",
                        "text": (
                            "<p>The rest of this lesson talks about suicidal thoughts and how "
                            "to respond when someone discloses them, and includes a scenario "
                            "in which a group member talks about wanting to end her life. Take "
                            "a break first if you need to, and talk to your supervisor or "
                            "someone you trust if it brings things up for you.</p>"
                        ),
                    },
                ),
                ("heading", {"text": "When someone talks about suicide", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer workers are not the people who assess suicide risk, but you "
                        "may be the first person someone tells. What you do next matters.</p>"
                        "<ul>"
                        "<li><b>Ask directly.</b> If you think someone may be thinking about "
                        "suicide, ask plainly: “Are you thinking about killing yourself?” "
                        "Asking clearly does not put the idea in someone's head, and it tells "
                        "them you can hear the answer.</li>"
                        "<li><b>Listen more than you talk.</b> A brief share of your own "
                        "experience of coming through dark times can carry real hope here, but "
                        "keep it short and hand it back.</li>"
                        "<li><b>Be honest about what happens next.</b> “I'm really glad you "
                        "told me. I'm worried about your safety, and I need to get some help "
                        "with this. I'd like to do that with you.”</li>"
                        "<li><b>Get help now, not later.</b> Follow your procedure, which "
                        "usually means contacting your supervisor, the on-call clinician or "
                        "the crisis team. If someone is in immediate danger, contact emergency "
                        "services, and do not leave them alone.</li>"
                        "</ul>"
                        "<p>Afterwards, you may feel shaken, especially if this touches your "
                        "own history. That is normal. Use supervision and your own supports, "
                        "and do not carry it home alone.</p>"
                    ),
                ),
                (
                    "scenario",
                    {
                        "title": "In the car park",
                        "situation": (
                            "<p>After the evening group, you are walking to your car when Lou, "
                            "who was quiet tonight, catches up with you. She says she didn't "
                            "want to say it in front of everyone, but lately she has been "
                            "thinking that everyone would be better off without her, and she "
                            "has been putting some pills aside. She asks you to promise you "
                            "won't tell anyone: “I just needed to say it to someone.”</p>"
                        ),
                        "questions": [
                            (
                                "What would you say to Lou in the first minute, and what would "
                                "you avoid saying?"
                            ),
                            (
                                "How would you explain that you can't keep this to yourself, "
                                "in a way that keeps her with you?"
                            ),
                            (
                                "What are the next steps under your organisation's procedure, "
                                "and who would you contact?"
                            ),
                            "What support might you need afterwards?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Someone you support tells you they have been thinking about "
                            "ending their life. Which of these is the most helpful first "
                            "response?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Change the subject gently, so as not to make things worse "
                                    "by dwelling on it."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Avoiding the subject can leave the person feeling unheard "
                                    "and alone. Talking about it openly is safer."
                                ),
                            },
                            {
                                "text": (
                                    "Thank them for telling you, ask directly about what they "
                                    "are experiencing, and be honest that you need to get help "
                                    "with them."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. This keeps them connected, shows you can hear it, "
                                    "and is honest about the limits of confidentiality."
                                ),
                            },
                            {
                                "text": (
                                    "Promise to keep it between you, so they keep talking to you."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Risk of serious harm is a limit of confidentiality. A "
                                    "promise you cannot keep will damage trust when it is "
                                    "broken."
                                ),
                            },
                        ],
                        "explanation": (
                            "When someone discloses suicidal thoughts, stay with them, ask "
                            "directly, be honest, and get help through your procedure. You do "
                            "not have to do it alone, and you should not."
                        ),
                    },
                ),
            ],
        },
    ],
}

QUIZ = [
    {
        "kind": "scenario",
        "vignette": (
            "Content note: this question mentions suicide. After an evening group, a member "
            "catches up with you in the car park. She says she has been thinking everyone "
            "would be better off without her and has been putting pills aside. She asks you to "
            "promise not to tell anyone."
        ),
        "text": "What should you do?",
        "options": [
            {
                "text": (
                    "Stay with her, thank her for telling you, explain honestly that you can't "
                    "keep this to yourself because you are worried about her safety, and "
                    "follow your procedure for getting help, involving her as much as you can."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Serious risk to her life is a limit of confidentiality. Being honest "
                    "and involving her gives the best chance she stays connected to help."
                ),
            },
            {
                "text": (
                    "Respect her wishes and keep it confidential, but check in with her at "
                    "next week's group."
                ),
                "correct": False,
                "feedback": (
                    "She has described a plan. Waiting a week could cost her life, and "
                    "confidentiality does not cover a serious risk of harm."
                ),
            },
            {
                "text": (
                    "Tell her you'll see her next week, then call the crisis team from your "
                    "car without telling her."
                ),
                "correct": False,
                "feedback": (
                    "Getting help is right, but leaving her alone and acting behind her back "
                    "risks her safety and her trust. Where it is safe, be open and involve her."
                ),
            },
            {
                "text": "Encourage her to ring a helpline when she gets home.",
                "correct": False,
                "feedback": (
                    "Helplines are valuable, but this hands the whole responsibility back to "
                    "her at a moment of serious risk. Follow your organisation's procedure now."
                ),
            },
        ],
        "explanation": (
            "Never promise secrecy when someone discloses a risk of serious harm. Stay with "
            "them, be honest about what you need to do, involve them, and follow your "
            "procedure straight away."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "In the staff canteen, which visitors also use, a colleague starts telling a table "
            "of co-workers about a man she supports. She mentions that he used to run a "
            "well-known local pub and begins describing his relapse in detail. People at the "
            "next table have gone quiet."
        ),
        "text": "What is the best response?",
        "options": [
            {
                "text": (
                    "Interrupt lightly, for example “Let's save this for somewhere private”, "
                    "and raise it with your supervisor if it is serious or keeps happening."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Stopping it quickly protects the man, and a light touch spares your "
                    "colleague embarrassment."
                ),
            },
            {
                "text": "Say nothing now, since she hasn't used his name.",
                "correct": False,
                "feedback": (
                    "His former job and the local pub are enough to identify him, and the "
                    "setting is public."
                ),
            },
            {
                "text": "Leave the table so that you are not part of the conversation.",
                "correct": False,
                "feedback": (
                    "This protects you, not him. The story carries on in front of the visitors."
                ),
            },
            {
                "text": (
                    "Wait until after lunch and tell her privately that it wasn't appropriate."
                ),
                "correct": False,
                "feedback": (
                    "A private word afterwards is a good idea, but meanwhile the breach "
                    "continues. Stop it first, then talk."
                ),
            },
        ],
        "explanation": (
            "Most breaches happen in ordinary places. Interrupt kindly but promptly, then "
            "follow up privately or through supervision."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "You are writing a practice-log reflection about helping a woman attend her first "
            "group. Your draft begins: “Took Mel (DOB 02/09/1987) from the Riverside hostel to "
            "the Thursday group.”"
        ),
        "text": "Which rewrite best meets the practice-log standard?",
        "options": [
            {
                "text": (
                    "“Supported a person to attend a peer group for the first time. I met her "
                    "beforehand so she didn't have to walk in alone.”"
                ),
                "correct": True,
                "feedback": (
                    "Yes. It keeps what you did and why, and nothing in it points to one person."
                ),
            },
            {
                "text": "“Took M. (DOB 02/09/1987) to the Thursday group.”",
                "correct": False,
                "feedback": (
                    "An initial and a date of birth still identify her; Peerpath would refuse "
                    "this entry."
                ),
            },
            {
                "text": "“Took Mel from the hostel to the group.”",
                "correct": False,
                "feedback": (
                    "A first name is an identifier, and together with the hostel it points "
                    "straight at her."
                ),
            },
            {
                "text": (
                    "“Took a woman in her thirties from the Riverside hostel to the Thursday "
                    "group.”"
                ),
                "correct": False,
                "feedback": (
                    "No name, but the named hostel, the group day and her age together could "
                    "identify her."
                ),
            },
        ],
        "explanation": (
            "A good practice-log entry describes your practice and leaves out anything that "
            "could point to the person, on its own or in combination."
        ),
    },
    {
        "kind": "multiple",
        "vignette": "",
        "text": (
            "In which of these situations may you have to share information without the "
            "person's agreement? Select all that apply."
        ),
        "options": [
            {
                "text": "The person tells you they are at serious risk of harming themselves.",
                "correct": True,
                "feedback": (
                    "Yes. A serious risk of harm to the person is one of the usual limits."
                ),
            },
            {
                "text": "You learn that a child is at risk of abuse or neglect.",
                "correct": True,
                "feedback": (
                    "Yes. Safeguarding children and adults at risk overrides confidentiality."
                ),
            },
            {
                "text": "A court orders the information to be disclosed.",
                "correct": True,
                "feedback": (
                    "Yes. Legal requirements are a limit, handled through your organisation."
                ),
            },
            {
                "text": "A worried relative asks how the person is doing.",
                "correct": False,
                "feedback": (
                    "Worry, however genuine, is not a reason to share. Listen, signpost "
                    "support for families, and let the person decide."
                ),
            },
            {
                "text": "A peer worker from another service asks about them out of interest.",
                "correct": False,
                "feedback": "There is no need to know, so there is no reason to share.",
            },
        ],
        "explanation": (
            "Confidentiality has limits: serious risk to the person or others, safeguarding, "
            "and legal requirements. Everyday worry or curiosity is not among them."
        ),
    },
    {
        "kind": "multiple",
        "vignette": "",
        "text": (
            "Which of these could identify a person, either on their own or in combination "
            "with other details? Select all that apply."
        ),
        "options": [
            {
                "text": "A case or record number.",
                "correct": True,
                "feedback": "Yes. Anyone with access to the records can look it up.",
            },
            {
                "text": "Their employer and the day of the group they attend.",
                "correct": True,
                "feedback": (
                    "Yes. Together these can point to one person, especially in a small community."
                ),
            },
            {
                "text": "An unusual event that was reported in the local paper.",
                "correct": True,
                "feedback": "Yes. Distinctive events are easy to match to a person.",
            },
            {
                "text": "The phrase “a person I support”.",
                "correct": False,
                "feedback": "This is a neutral description that points to nobody in particular.",
            },
        ],
        "explanation": (
            "Identifiers include direct details such as names, dates of birth, contact details "
            "and record numbers, and indirect details that identify in combination."
        ),
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "If you remove a person's name from a note, the note is anonymous.",
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": (
                    "Other details, such as a job, a place, a date or a distinctive event, can "
                    "identify someone without a name, especially in combination."
                ),
            },
            {
                "text": "False",
                "correct": True,
                "feedback": (
                    "Right. Always ask whether someone who knows the person or your service "
                    "could work out who it is."
                ),
            },
        ],
        "explanation": (
            "A name is only one identifier. Check direct identifiers first, then the "
            "combination of everything else."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "When is the best time to tell someone about the limits of confidentiality?",
        "options": [
            {
                "text": (
                    "At the start of the relationship or group, and again whenever it becomes "
                    "relevant."
                ),
                "correct": True,
                "feedback": (
                    "Yes. People have the right to know the limits before they decide what to "
                    "share."
                ),
            },
            {
                "text": (
                    "Only when a limit actually applies, so as not to worry them unnecessarily."
                ),
                "correct": False,
                "feedback": (
                    "By then they have already shared, trusting a promise you never made "
                    "clear. Finding out afterwards feels like betrayal."
                ),
            },
            {
                "text": "Only if they ask about it.",
                "correct": False,
                "feedback": (
                    "Many people won't think to ask. Explaining the limits is your responsibility."
                ),
            },
        ],
        "explanation": (
            "Honest limits, explained early, build trust. They also make it far easier to act "
            "when a limit does apply."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": (
            "In a group confidentiality agreement, what does “what's learned here leaves here” "
            "mean?"
        ),
        "options": [
            {
                "text": (
                    "Members can take away ideas and insights, but not who said what or other "
                    "people's stories."
                ),
                "correct": True,
                "feedback": (
                    "Yes. The learning travels; the people and their stories stay in the room."
                ),
            },
            {
                "text": (
                    "Members may repeat other people's stories outside as long as they leave "
                    "out names."
                ),
                "correct": False,
                "feedback": (
                    "Stories can identify people even without names, and they belong to the "
                    "people who told them."
                ),
            },
            {
                "text": (
                    "The facilitator may share anything said in the group with the wider team."
                ),
                "correct": False,
                "feedback": (
                    "The facilitator's limits are the same as in one-to-one work: need-to-know "
                    "sharing and the usual exceptions, explained up front."
                ),
            },
            {
                "text": (
                    "Members may not mention anything about the group outside, including that "
                    "they go to it themselves."
                ),
                "correct": False,
                "feedback": (
                    "Members can choose to say that they themselves attend. The agreement "
                    "protects other people's privacy, not their own choices."
                ),
            },
        ],
        "explanation": (
            "A group agreement protects each member's story while letting everyone benefit "
            "from what they learn. Agree it together, and be honest that it cannot be "
            "guaranteed."
        ),
    },
]
