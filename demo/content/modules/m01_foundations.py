MODULE = {
    "title": "Foundations of peer support",
    "slug": "foundations-of-peer-support",
    "domain": "recovery-and-wellness-support",
    "training_hours": 10,
    "summary": (
        "What peer support is, the principles that hold it together and what recovery looks "
        "like from the inside. You will also see where a peer worker fits alongside "
        "professionals and what certification will ask of you."
    ),
    "objectives": [
        (
            "Explain what peer support is and is not, and how it differs from clinical care, "
            "friendship and sponsorship."
        ),
        (
            "Describe the core principles of peer support — mutuality, self-determination, "
            "hope, strengths and non-judgement — and what each looks like in practice."
        ),
        "Use recovery-oriented, person-first language in conversation and in writing.",
        (
            "Recognise the main forms of peer support and the limits of the peer role, "
            "including when and how to refer."
        ),
        (
            "Outline what a peer support credential asks of you: training domains, supervised "
            "practice, a code of ethics and renewal."
        ),
    ],
    "lessons": [
        {
            "title": "What peer support is, and what it is not",
            "slug": "what-peer-support-is",
            "summary": (
                "Peer support is a mutual, non-clinical relationship built on shared "
                "experience; this lesson sets out its principles and its edges."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "A relationship built on “me too”", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer support is help offered by someone who has lived through "
                        "something similar — in your case, mental health or substance use "
                        "challenges and the long work of recovery. It rests on a simple fact: "
                        "you have been there. You know what it is like to sit in a waiting "
                        "room feeling like a case number, to have your problem explained to "
                        "you by people who have never had it, and to wonder whether things "
                        "could ever be different. When you sit with someone now, that "
                        "experience is in the room with you, and they can usually feel it.</p>"
                        "<p>Three things set peer support apart. It is <b>non-clinical</b>: "
                        "you do not diagnose, assess for treatment, prescribe or provide "
                        "therapy. It is <b>mutual</b>: you meet as equals rather than as "
                        "expert and patient, and both of you learn from the relationship. And "
                        "it is <b>based on shared experience</b>: not identical experience, "
                        "but enough common ground that the person can trust you know the "
                        "territory.</p>"
                    ),
                ),
                ("heading", {"text": "What peer support is not", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>New peer workers often find it easiest to define the role by what "
                        "it is not. It is worth being clear, because the people you support, "
                        "their families and your colleagues may all have different ideas about "
                        "what you are for.</p>"
                        "<ul>"
                        "<li><b>Not therapy.</b> You will hear painful things and respond with "
                        "warmth and understanding, but you are not treating anyone. If someone "
                        "needs an assessment or treatment, your job is to help them get "
                        "it.</li>"
                        "<li><b>Not friendship.</b> The relationship is friendly and can feel "
                        "close, but it exists for the other person's recovery. It has a "
                        "purpose, a setting and an end. The boundaries module goes into this "
                        "in depth.</li>"
                        "<li><b>Not sponsorship.</b> A sponsor in a twelve-step fellowship "
                        "guides someone through that fellowship's programme. You support "
                        "whatever path the person chooses, including paths you did not "
                        "take.</li>"
                        "<li><b>Not monitoring.</b> You are not there to check whether someone "
                        "is “compliant”. If you are asked to report on people in a way that "
                        "feels like policing, raise it with your supervisor.</li>"
                        "<li><b>Not rescuing.</b> You cannot do someone's recovery for them, "
                        "and trying to usually takes away the very thing that helps: their "
                        "sense that they can do it.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", {"text": "The principles that hold it together", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer support is defined less by tasks than by the way you work. "
                        "Five principles come up again and again in training and in codes of "
                        "ethics.</p>"
                        "<p><b>Mutuality.</b> Neither of you is the expert on the other "
                        "person's life. You share power where you can: you ask rather than "
                        "tell, you let the person set the agenda, and you stay open to "
                        "learning from them. Mutuality does not mean you share everything or "
                        "lean on them for support.</p>"
                        "<p><b>Self-determination.</b> People have the right to make their own "
                        "choices about their recovery, including choices you would not make. "
                        "Your job is to help them see their options clearly, not to steer them "
                        "towards yours.</p>"
                        "<p><b>Hope.</b> For many people, meeting someone who has come through "
                        "something similar is the first evidence they have seen that recovery "
                        "is possible. You carry hope by being who you are, and by believing in "
                        "people before they believe in themselves.</p>"
                        "<p><b>Strengths.</b> Services often describe people by their "
                        "problems. You start from what is already working: the skills that got "
                        "them this far, the people who matter to them, the things they care "
                        "about.</p>"
                        "<p><b>Non-judgement.</b> People will tell you about relapses, debts, "
                        "arguments and choices that have hurt others. They need to know that "
                        "telling you will not cost them your respect. Non-judgement is not "
                        "approving of everything; it is refusing to make someone's worth "
                        "depend on their behaviour.</p>"
                    ),
                ),
                (
                    "story",
                    {
                        "quote": (
                            "The nurse was kind, but she read my notes before she looked at "
                            "me. Then Sam came in and said he'd spent two years in and out of "
                            "the same ward. He didn't tell me what to do. He asked what I "
                            "wanted my life to look like in six months, and he waited for an "
                            "answer. Nobody had asked me that before. I didn't have an answer "
                            "that day. I had one a month later."
                        ),
                        "attribution": ("Marcus, remembering his first meeting with a peer worker"),
                        "consent_note": (
                            "Composite story written for training; shared with consent of the "
                            "people it draws on."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Shared experience is the tool, not the job",
                        "text": (
                            "<p>Your lived experience gives you credibility and understanding. "
                            "It does not make your recovery the template for anyone else's. "
                            "The focus stays on the person in front of you; your story comes "
                            "in only when it helps them.</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "A person you support asks whether they should stop their "
                            "prescribed medication, because you once mentioned you no longer "
                            "take yours. What is the most fitting response?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Tell them how you came off your medication so they can "
                                    "follow the same steps."
                                ),
                                "correct": False,
                                "feedback": (
                                    "This turns your path into advice and could put them at "
                                    "risk. Decisions about medication belong with them and "
                                    "their prescriber."
                                ),
                            },
                            {
                                "text": (
                                    "Explore what is behind the question, make clear it is "
                                    "their decision, and offer to help them prepare to talk it "
                                    "through with their prescriber."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. This respects self-determination, stays within a "
                                    "non-clinical role and still gives practical support."
                                ),
                            },
                            {
                                "text": "Tell them firmly that they must keep taking it.",
                                "correct": False,
                                "feedback": (
                                    "This is not your decision in either direction, and it "
                                    "shuts the conversation down. They may simply stop without "
                                    "telling anyone."
                                ),
                            },
                        ],
                        "explanation": (
                            "Peer support is non-clinical. You can listen, share your "
                            "experience briefly and help someone get the information and "
                            "conversations they need, but you do not advise on treatment "
                            "either way."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Recovery as a personal process",
            "slug": "recovery-as-a-personal-process",
            "summary": (
                "Recovery is defined by the person living it; this lesson looks at its four "
                "dimensions and at what it means to support a process you do not control."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Whose recovery is it?", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Ask ten people in recovery what the word means and you will get "
                        "ten answers. For one person it means not drinking. For another it "
                        "means still hearing voices but no longer being frightened of them. "
                        "For someone else it means getting their children back, holding down a "
                        "job, or getting through a week without a crisis. Recovery-oriented "
                        "services have largely moved away from the idea that recovery means a "
                        "cure or an absence of symptoms. It is understood instead as a process "
                        "of change in which a person builds a life that they direct and find "
                        "meaningful, whether or not symptoms remain.</p>"
                        "<p>This matters for you because it is tempting to measure other "
                        "people's recovery against your own. If abstinence was your path, it "
                        "can be hard to see someone using less, and more safely, as recovery. "
                        "If medication was central to your own mental health, it can be hard "
                        "to support someone who wants to manage without it. Self-determination "
                        "asks you to support the recovery the person is actually pursuing.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "Four dimensions: health, home, purpose, community", "level": "h2"},
                ),
                (
                    "paragraph",
                    (
                        "<p>SAMHSA, the US federal agency for substance use and mental health "
                        "services, describes four dimensions that support a life in recovery. "
                        "They make a useful map, because they remind you that recovery is much "
                        "wider than symptoms.</p>"
                        "<ul>"
                        "<li><b>Health</b>: overcoming or managing the condition, and making "
                        "choices that support physical and emotional wellbeing. That can "
                        "include treatment, medication, sleep, food, movement and whatever "
                        "else helps.</li>"
                        "<li><b>Home</b>: a stable, safe place to live. It is very hard to "
                        "work on anything else from a sofa you might lose next week.</li>"
                        "<li><b>Purpose</b>: meaningful things to do each day, such as work, "
                        "study, volunteering, caring for family or creative work. Purpose "
                        "often brings income, independence and a reason to get up.</li>"
                        "<li><b>Community</b>: relationships and networks that offer support, "
                        "friendship and hope. Isolation works hard against recovery, and "
                        "reducing it is one of the things peer support does best.</li>"
                        "</ul>"
                        "<p>In practice, people usually come to you wanting help with one "
                        "dimension — often the most urgent — and the others come into view "
                        "later. Someone who wants help with a housing form may, a few weeks "
                        "on, start talking about the art course they dropped out of.</p>"
                    ),
                ),
                ("heading", {"text": "Recovery is not a straight line", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Most people's recovery includes setbacks: a return to use, a "
                        "hospital admission, a month when nothing seems to work. Your own "
                        "story probably does too. A setback does not erase what someone has "
                        "learned, and it is not proof that they were never “really” in "
                        "recovery. One of the most helpful things you can say after a setback "
                        "is some version of: “You're still here, and you still know what you "
                        "learned. What do you want to do next?”</p>"
                    ),
                ),
                ("heading", {"text": "Wellness planning", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Many peer workers use structured wellness planning, such as the "
                        "Wellness Recovery Action Plan (WRAP) approach, to help people put "
                        "their knowledge of themselves on paper. A plan like this usually "
                        "covers what the person is like when they are well, the daily things "
                        "that keep them well, the early signs that things are slipping, what "
                        "they will do when that happens, and what they want others to do in a "
                        "crisis. The key word is <i>their</i>: the plan is written in the "
                        "person's own words, and you help them notice what they already know "
                        "rather than filling it in for them.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Ask about all four dimensions",
                        "text": (
                            "<p>Early on, try open questions that touch each dimension: “How "
                            "are you doing health-wise?”, “How are things at home?”, “What "
                            "fills your days at the moment?”, “Who have you got around you?” "
                            "You will learn what matters to the person, and they will hear "
                            "that you are interested in their whole life, not just their "
                            "diagnosis.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Recovery on whose terms?",
                        "situation": (
                            "<p>Leah has used heroin for several years. She tells you she is "
                            "not ready to stop and does not want to go to detox, but she wants "
                            "to stop injecting, get a place on a methadone programme and find "
                            "somewhere to live that is not a hostel. Your own recovery came "
                            "through abstinence and a twelve-step fellowship, and you feel a "
                            "strong urge to tell her that nothing will really change until she "
                            "stops completely.</p>"
                        ),
                        "questions": [
                            "Which of the four dimensions is Leah already working on?",
                            (
                                "What does self-determination ask of you here, and what will "
                                "you do with the urge you feel?"
                            ),
                            (
                                "What could you bring to supervision to make sure your own "
                                "path does not steer your support?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think back to an earlier point in your own recovery. What did "
                            "recovery mean to you then, and what does it mean to you now? "
                            "Which of the four dimensions mattered most at each stage?"
                        ),
                        "guidance": (
                            "There is no right answer. Notice how your own definition has "
                            "changed over time; the people you support will be on that journey "
                            "too, at different points from you."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Which statement best reflects a recovery-oriented view?",
                        "options": [
                            {
                                "text": "Recovery means a person no longer has symptoms.",
                                "correct": False,
                                "feedback": (
                                    "Many people live full lives in recovery while still "
                                    "managing symptoms. Defining recovery this narrowly leaves "
                                    "them out."
                                ),
                            },
                            {
                                "text": (
                                    "Recovery is defined by the person, and usually involves "
                                    "health, home, purpose and community."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. The person decides what recovery means for them, and "
                                    "it tends to touch the whole of their life."
                                ),
                            },
                            {
                                "text": "Recovery starts once a person accepts their diagnosis.",
                                "correct": False,
                                "feedback": (
                                    "Some people find a diagnosis helpful; others never "
                                    "identify with one. Neither is a condition for recovery."
                                ),
                            },
                            {
                                "text": (
                                    "A return to use means recovery has to start again from zero."
                                ),
                                "correct": False,
                                "feedback": (
                                    "A setback does not erase what someone has learned. "
                                    "Treating it as total failure can push people away from "
                                    "support."
                                ),
                            },
                        ],
                        "explanation": (
                            "Recovery is a personal process that the person defines and "
                            "directs. Your role is to support the recovery they are pursuing, "
                            "across all the parts of life that matter to them."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Language that carries hope",
            "slug": "recovery-oriented-language",
            "summary": (
                "The words you use can open doors or close them; this lesson shows how to use "
                "person-first, recovery-oriented language in speech and in writing."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Why words matter", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Most people who have used services can remember a word that stuck: "
                        "being called “non-compliant”, “a frequent attender”, “an addict”, "
                        "“manipulative”. Labels like these shrink a whole person down to a "
                        "problem, and they travel. A word in a set of notes can shape how the "
                        "next worker sees someone before they have even met.</p>"
                        "<p>As a peer worker, you have a particular part to play. You know "
                        "from the inside how language lands, and colleagues will notice how "
                        "you talk about people. Recovery-oriented language is not about being "
                        "fashionable; it is about accuracy, respect and hope.</p>"
                    ),
                ),
                ("heading", {"text": "Person-first language", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Person-first language puts the person before the condition: “a "
                        "person with schizophrenia” rather than “a schizophrenic”; “someone "
                        "who uses drugs” rather than “an addict”. It makes the point that a "
                        "diagnosis or a behaviour is one thing about someone, not the whole of "
                        "who they are.</p>"
                    ),
                ),
                ("heading", {"text": "Some common swaps", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<ul>"
                        "<li>“Addict”, “alcoholic”, “junkie” → “a person with a drug or "
                        "alcohol problem”, “someone who uses drugs”, “a person in "
                        "recovery”.</li>"
                        "<li>“Clean” and “dirty”, for people or test results → “in recovery”, "
                        "“not currently using”; “a negative or positive test”.</li>"
                        "<li>“Suffers from” or “is a victim of” depression → “lives with” or "
                        "“has a diagnosis of” depression.</li>"
                        "<li>“Non-compliant” → “has chosen not to take…”, “has concerns "
                        "about…”, “hasn't yet found a medication that suits them”.</li>"
                        "<li>“Manipulative” or “attention-seeking” → “trying to get their "
                        "needs met”, “asking for help in the way that has worked before”.</li>"
                        "<li>“Frequent flyer” → “has used the service often”, followed by the "
                        "more useful question of what they need that they are not getting.</li>"
                        "<li>“Failed treatment” → “the treatment did not work for them”.</li>"
                        "</ul>"
                        "<p>Many of the better alternatives are longer. That is partly the "
                        "point: they make you say what you actually mean instead of reaching "
                        "for a label.</p>"
                    ),
                ),
                ("heading", {"text": "People's own words come first", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Person-first language is a guide, not a rule to impose on others. "
                        "Some people call themselves an alcoholic or an addict, often because "
                        "that is how their fellowship talks about recovery, and it can be "
                        "important to them. Some autistic people, and some people who hear "
                        "voices, prefer identity-first language. Follow the person's lead when "
                        "you talk with them, and use neutral, person-first language when you "
                        "write about them or do not yet know their preference. If you are "
                        "unsure, ask: “How do you like to describe what you've been "
                        "through?”</p>"
                    ),
                ),
                ("heading", {"text": "Language in your notes", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Notes are read by people who have never met the person, and "
                        "increasingly by the person themselves. Write as though they were "
                        "reading over your shoulder. Describe what happened rather than "
                        "labelling it: “He raised his voice and left before the end of the "
                        "meeting” tells a reader more than “He was aggressive and disengaged”. "
                        "Record strengths and what the person said they wanted, not only the "
                        "problems. Your Peerpath practice log has a further rule, covered in "
                        "the confidentiality module: nothing that could identify the person "
                        "goes in it at all.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Language is a practice, not a test",
                        "text": (
                            "<p>You will slip, especially with words you used about yourself "
                            "for years. When you notice, correct yourself simply and carry on. "
                            "When a colleague uses a stigmatising word, you can model an "
                            "alternative without a lecture: “You mean she's still using? Okay "
                            "— what does she want help with?”</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "In a team meeting, a colleague says: “He's a frequent flyer — "
                            "he'll be back by Friday.” What is the most useful response from "
                            "you as the peer worker?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Say nothing; it is not your place to correct a clinician."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Your perspective is part of why you are on the team. "
                                    "Silence lets the label shape how everyone sees him."
                                ),
                            },
                            {
                                "text": (
                                    "Tell the colleague, in front of everyone, that the term "
                                    "is offensive."
                                ),
                                "correct": False,
                                "feedback": (
                                    "You may be right, but public correction usually makes "
                                    "people defensive rather than curious."
                                ),
                            },
                            {
                                "text": (
                                    "Reframe with curiosity: “He's been in a lot. Do we know "
                                    "what keeps bringing him back, and what's missing for him "
                                    "when he's out?”"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. You model different language and turn the "
                                    "conversation towards his needs, without shaming anyone."
                                ),
                            },
                        ],
                        "explanation": (
                            "Recovery-oriented language works best when it is modelled, not "
                            "policed. Turning a label into a question about need is often the "
                            "quickest way to change the conversation."
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Which words were used about you — by services, by family or by "
                            "yourself — that stuck? How did they affect the way you saw "
                            "yourself? Which words helped?"
                        ),
                        "guidance": (
                            "Write only what you are comfortable with; this reflection is "
                            "private. Many peer workers find this exercise explains why "
                            "language matters better than any list of words to use and avoid."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Forms of peer support and your place in the team",
            "slug": "forms-of-peer-support",
            "summary": (
                "Peer support happens in groups, one-to-one, online, in peer-run organisations "
                "and in clinical teams; this lesson looks at each, and at where your role ends."
            ),
            "estimated_minutes": 35,
            "body": [
                ("heading", {"text": "Where peer support happens", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer support is not one thing. You may work in several of these "
                        "settings over your career. The skills carry across, but each has its "
                        "own strengths and pressures.</p>"
                        "<ul>"
                        "<li><b>Groups.</b> Mutual support groups, recovery groups and "
                        "peer-led workshops bring people together around shared experience. "
                        "They offer belonging, coping ideas swapped between members, and the "
                        "encouragement of seeing others further along. Their challenges are "
                        "group dynamics — a member who dominates, cliques, conflict — and the "
                        "fact that not everyone is ready to speak in front of others.</li>"
                        "<li><b>One-to-one.</b> Peer support workers, recovery coaches and "
                        "mentors meet people individually, often around a goal: settling into "
                        "new housing, getting to appointments, building a routine after "
                        "hospital. It suits people who find groups hard and allows more "
                        "tailored support.</li>"
                        "<li><b>Online.</b> Forums, video groups and text-based support reach "
                        "people who cannot easily get to a meeting because of distance, "
                        "transport, disability, work hours or caring responsibilities. They "
                        "raise their own questions about privacy, moderation and responding to "
                        "risk when you cannot see the person.</li>"
                        "<li><b>Peer-run organisations.</b> Organisations led and staffed by "
                        "people with lived experience run drop-ins, groups, advocacy, "
                        "community activities and sometimes alternatives to crisis services. "
                        "The whole culture is built on peer values.</li>"
                        "<li><b>Peers in clinical teams.</b> Hospitals, community mental "
                        "health teams and treatment services increasingly employ peer workers "
                        "alongside nurses, doctors, social workers and therapists. You bring a "
                        "perspective nobody else on the team has, and you may be the first "
                        "person someone trusts.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", {"text": "Working alongside professionals", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>In a clinical team your value comes from being different, and that "
                        "can create tension. Some colleagues will welcome you; others will be "
                        "unsure what you do, or sceptical. You may feel pressure to become "
                        "more clinical to fit in: using the team's jargon, writing notes like "
                        "a nurse, focusing on symptoms. This drift quietly erodes the thing "
                        "you were hired for. You may equally feel pulled to side with the "
                        "person against the team. Neither helps. You are there to bring the "
                        "person's perspective and your own lived experience into the team, and "
                        "to help the person get what they need from the service.</p>"
                        "<p>It helps to be able to explain your role in a couple of sentences. "
                        "For example: “I'm a peer support worker, and I've got my own "
                        "experience of mental health services and recovery. I'm not here to "
                        "assess you. I'm here to support you with whatever you want to work "
                        "on, and to help you get what you need from the team.”</p>"
                    ),
                ),
                ("heading", {"text": "Knowing the limits, and when to refer", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>One challenge often named in writing about peer support is the "
                        "lack of professional oversight: peer-led spaces can miss risks or "
                        "pass on misinformation. The answer is not to turn into a clinician "
                        "but to know where your role ends. Refer on, or help the person "
                        "connect with someone else, when:</p>"
                        "<ul>"
                        "<li>someone's safety is at risk, including risk of self-harm, harm to "
                        "others or abuse;</li>"
                        "<li>their physical or mental health seems to be getting worse, or "
                        "they ask about medication, diagnosis or treatment;</li>"
                        "<li>they need specialist help, such as legal, housing, debt, "
                        "immigration or benefits advice, that someone else can give "
                        "properly;</li>"
                        "<li>what they need is beyond your training, or you notice you are out "
                        "of your depth;</li>"
                        "<li>your own wellbeing or recovery is being affected.</li>"
                        "</ul>"
                        "<p>Referring is not handing someone off. The peer way is to do it "
                        "<i>with</i> the person: explain why, involve them in the choice, help "
                        "with the first contact where you can, and follow up afterwards.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Know your map before you need it",
                        "text": (
                            "<p>In your first weeks in any role, find out who you go to for "
                            "what: your supervisor, the duty worker, the crisis contacts your "
                            "service gives out, local housing and money advice, and the "
                            "safeguarding lead. Write it down. In a hard moment you will not "
                            "want to be looking it up.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "A question outside your role",
                        "situation": (
                            "<p>Priya has been meeting you for six weeks. Today she says she "
                            "has been sleeping two or three hours a night, her thoughts are "
                            "“racing”, and she stopped her medication a fortnight ago because "
                            "it made her feel flat. She asks you not to mention it to her care "
                            "coordinator, because “they'll just put me back in hospital”.</p>"
                        ),
                        "questions": [
                            "Which parts of this are within your role, and which are not?",
                            (
                                "How can you be honest with Priya about what you need to do "
                                "while taking her fear seriously?"
                            ),
                            (
                                "What could you do so that getting help feels like something "
                                "done with her rather than to her?"
                            ),
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Which of these situations most clearly calls for help beyond peer "
                            "support?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "A person wants to talk about how lonely they have felt "
                                    "since moving."
                                ),
                                "correct": False,
                                "feedback": (
                                    "This is core peer support: reducing isolation and "
                                    "building connections."
                                ),
                            },
                            {
                                "text": (
                                    "A person tells you they have been thinking about harming "
                                    "themselves."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Risk to safety needs a response beyond the peer "
                                    "relationship. You stay with the person and follow your "
                                    "service's procedure; you do not step back."
                                ),
                            },
                            {
                                "text": (
                                    "A person wants ideas for getting through the weekend "
                                    "without drinking."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Sharing practical coping strategies is one of the "
                                    "strengths of peer support."
                                ),
                            },
                            {
                                "text": (
                                    "A person is frustrated with their care team and wants "
                                    "help preparing for a meeting."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Helping someone get ready to speak up for themselves is "
                                    "very much part of the role."
                                ),
                            },
                        ],
                        "explanation": (
                            "Peer support covers a wide range. Referral is for risk, clinical "
                            "questions and specialist needs, and referring does not end your "
                            "relationship: you keep supporting the person while others do "
                            "their part."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "What certification asks of you",
            "slug": "what-certification-asks",
            "summary": (
                "A peer support credential asks for training, supervised practice, a signed "
                "code of ethics and ongoing learning; this lesson explains each part and why "
                "it exists."
            ),
            "estimated_minutes": 25,
            "body": [
                ("heading", {"text": "Why certification?", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer support grew up in mutual aid groups and peer-run "
                        "organisations long before anyone issued certificates, and some people "
                        "worry that certification will turn peer workers into junior "
                        "clinicians. The aim is the opposite. A credential gives people in "
                        "peer roles a shared grounding in ethics, skills and recovery "
                        "principles, so that employers, colleagues and, above all, the people "
                        "you support can trust what a peer worker is and does. It also gives "
                        "you something portable: evidence of your training and practice that "
                        "goes with you from job to job.</p>"
                    ),
                ),
                ("heading", {"text": "What boards typically ask for", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Requirements differ between certification boards, and between "
                        "states and countries, so always check the current rules for the "
                        "credential you are working towards. The IC&amp;RC Peer Recovery "
                        "credential, which this programme is modelled on, shows the usual "
                        "parts:</p>"
                        "<ul>"
                        "<li><b>Training: 46 hours</b> across four domains, with 10 hours each "
                        "in advocacy, mentoring and education, and recovery and wellness "
                        "support, and 16 hours in ethical responsibility. Ethics carries the "
                        "most hours because it is where the real dilemmas of the job live: "
                        "boundaries, confidentiality, dual relationships and disclosure.</li>"
                        "<li><b>Supervised practice: 500 hours</b> of paid or volunteer work "
                        "in those domains, including 25 hours of supervision from a qualified "
                        "supervisor.</li>"
                        "<li><b>An exam</b> covering the domains.</li>"
                        "<li><b>A signed code of ethics</b>: a commitment you make, and can be "
                        "held to.</li>"
                        "<li><b>Renewal every two years</b>, with 20 hours of continuing "
                        "education, 6 of them in ethics.</li>"
                        "</ul>"
                        "<p>Other credentials change the details. Some ask for more training "
                        "hours, some for a minimum time in recovery, some for a background "
                        "check or a supervisor's recommendation. The shape is usually the "
                        "same: learn, practise under supervision, commit to ethics, keep "
                        "learning.</p>"
                    ),
                ),
                ("heading", {"text": "The competencies behind the hours", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>SAMHSA's core competencies for peer workers describe what all this "
                        "training is building towards. They include engaging people in "
                        "collaborative relationships, sharing lived experience of recovery, "
                        "personalising support, supporting recovery planning, linking people "
                        "to resources, helping people manage crises, communicating well, "
                        "working as part of a team, promoting leadership and advocacy, and "
                        "supporting growth and development. You will meet each of them in this "
                        "programme.</p>"
                    ),
                ),
                ("heading", {"text": "Supervised practice and your practice log", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>In Peerpath you log practice hours one entry at a time, by "
                        "category and domain, and your supervisor approves or returns each "
                        "entry on its own. Supervision is not an inspection. It is where you "
                        "bring the situations you are unsure about, notice how the work is "
                        "affecting you, and learn from someone who has done it for longer. The "
                        "peer workers who grow fastest are the ones who bring their doubts and "
                        "mistakes to supervision early.</p>"
                        "<p>Two things to know from the start. First, your practice log is "
                        "about <i>your</i> practice: what you did, what you learned and what "
                        "you would do differently. Second, it must never contain details that "
                        "could identify the people you support. Peerpath will not accept a "
                        "reflection that contains identifiers, and the confidentiality module "
                        "shows you how to write notes that are useful without them.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "The code of ethics is yours",
                        "text": (
                            "<p>When you sign a code of ethics, you are telling the people you "
                            "support, your colleagues and the public how you will behave when "
                            "nobody is watching. Read it properly before you sign. Most of the "
                            "hard situations in this programme — the invitation for coffee, "
                            "the disclosure in the car park, the story told over lunch — are "
                            "covered by it somewhere.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Why do you want to become a certified peer worker? What do you "
                            "hope the credential will mean to the people you support, and "
                            "what, if anything, worries you about it?"
                        ),
                        "guidance": (
                            "Be honest; mixed feelings are normal. Some people worry about "
                            "becoming too professional, others about whether their own "
                            "recovery is strong enough for the work. It can be useful to come "
                            "back to this later in the programme."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Under the IC&RC Peer Recovery model, what do you need to do to "
                            "keep your credential once you have it?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Complete continuing education every two years, including "
                                    "hours in ethics."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Renewal every two years needs 20 hours of continuing "
                                    "education, 6 of them in ethics."
                                ),
                            },
                            {
                                "text": (
                                    "Repeat the full 46 hours of initial training every two years."
                                ),
                                "correct": False,
                                "feedback": (
                                    "The initial training is done once; you renew through "
                                    "continuing education."
                                ),
                            },
                            {
                                "text": (
                                    "Send your personal recovery story to the board for review."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Boards do not ask for your story. Anyone checking your "
                                    "credential sees its status and dates, not your history."
                                ),
                            },
                        ],
                        "explanation": (
                            "A credential has a life: it is granted, renewed through "
                            "continuing education, and can lapse. Ethics runs through all of "
                            "it, from the signed code to the ethics hours at renewal."
                        ),
                    },
                ),
            ],
        },
    ],
}

QUIZ = [
    {
        "kind": "single",
        "vignette": "",
        "text": (
            "Which description best captures what makes peer support different from clinical care?"
        ),
        "options": [
            {
                "text": (
                    "It is a mutual, non-clinical relationship based on shared lived experience."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Mutuality, a non-clinical role and shared experience are what define "
                    "peer support."
                ),
            },
            {
                "text": (
                    "It is a lower-cost form of therapy delivered by people without clinical "
                    "qualifications."
                ),
                "correct": False,
                "feedback": (
                    "Peer support is not therapy of any kind. Thinking of it as cheap therapy "
                    "pushes peer workers into a role they are not trained or meant for."
                ),
            },
            {
                "text": "It is a friendship with someone who has been through the same thing.",
                "correct": False,
                "feedback": (
                    "It is friendly, but it has a purpose, boundaries and an end. Treating it "
                    "as friendship creates the dual-relationship problems covered in the "
                    "boundaries module."
                ),
            },
            {
                "text": (
                    "It is a way of keeping track of whether people are following their "
                    "treatment plans."
                ),
                "correct": False,
                "feedback": (
                    "Monitoring compliance undermines the trust that peer support depends on. "
                    "It is not part of the role."
                ),
            },
        ],
        "explanation": (
            "Peer support is defined by mutuality, a non-clinical role and shared lived "
            "experience. It works alongside clinical care, but it is not a cheaper version of "
            "it."
        ),
    },
    {
        "kind": "multiple",
        "vignette": "",
        "text": (
            "Which of these are consistent with the principle of self-determination? Select "
            "all that apply."
        ),
        "options": [
            {
                "text": "Helping someone weigh up the options they are considering.",
                "correct": True,
                "feedback": (
                    "Yes. Helping someone see their options clearly supports their choice "
                    "without making it for them."
                ),
            },
            {
                "text": (
                    "Supporting someone's goal of cutting down rather than stopping, even "
                    "though abstinence was your own path."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Their recovery is theirs to define, even when it differs from yours."
                ),
            },
            {
                "text": (
                    "Setting the goals for someone who seems overwhelmed, so they have a clear "
                    "plan."
                ),
                "correct": False,
                "feedback": (
                    "You can offer structure, such as breaking things into steps, but the "
                    "goals themselves need to be theirs."
                ),
            },
            {
                "text": "Not mentioning a service you suspect they would not choose.",
                "correct": False,
                "feedback": (
                    "Holding back information narrows their choices. Self-determination needs "
                    "the full picture."
                ),
            },
            {
                "text": "Respecting a decision not to try a group you had suggested.",
                "correct": True,
                "feedback": "Yes. A suggestion is an offer, and declining it is their right.",
            },
        ],
        "explanation": (
            "Self-determination means the person makes the choices about their recovery, with "
            "full information and your support, even when their choices differ from the ones "
            "you would make."
        ),
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": (
            "Using person-first language means you should correct someone who describes "
            "themselves as “an alcoholic”."
        ),
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": (
                    "People have the right to describe themselves in their own words, and for "
                    "some that word is an important part of their recovery."
                ),
            },
            {
                "text": "False",
                "correct": True,
                "feedback": (
                    "Right. Follow the person's lead about how they describe themselves; use "
                    "person-first language when you write about people or do not know their "
                    "preference."
                ),
            },
        ],
        "explanation": (
            "Person-first language is a guide for how you talk and write about people, not a "
            "rule to impose on how people talk about themselves."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "You are the peer worker in a community mental health team. In a meeting, the "
            "psychiatrist asks you to keep an eye on whether a man you support is taking his "
            "medication and to report back, because he trusts you more than the nurses."
        ),
        "text": "What is the best response?",
        "options": [
            {
                "text": (
                    "Explain that checking up on him would undermine the trust the peer role "
                    "depends on, and offer instead to talk with him about how he feels about "
                    "his medication and help him raise any concerns with the team."
                ),
                "correct": True,
                "feedback": (
                    "Yes. You stay a useful part of the team while protecting what makes the "
                    "peer role work, and you keep him at the centre of decisions about his "
                    "care."
                ),
            },
            {
                "text": "Agree: being a team player matters, and it is for his own good.",
                "correct": False,
                "feedback": (
                    "Good intentions do not change what this would do to the relationship. "
                    "Once he senses he is being monitored, he is likely to stop talking openly."
                ),
            },
            {
                "text": "Agree, but do not tell him, so that he keeps talking openly to you.",
                "correct": False,
                "feedback": (
                    "Reporting on someone without their knowledge is a serious breach of trust "
                    "and of mutuality. People need to know what is shared about them."
                ),
            },
            {
                "text": (
                    "Refuse to discuss him with the team at all, since everything he tells you "
                    "is confidential."
                ),
                "correct": False,
                "feedback": (
                    "In most services, information is shared within the team on a need-to-know "
                    "basis, and he should know that. Cutting yourself off from the team does "
                    "not help him."
                ),
            },
        ],
        "explanation": (
            "Peer workers are part of the team, but not its monitors. Bring the person's "
            "perspective into the team and support them to take part in decisions, openly."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "Jo has been in recovery from alcohol for eight months. She tells you she drank "
            "heavily at a wedding last weekend and says, “I've thrown it all away. I'm back to "
            "day one.”"
        ),
        "text": "Which response best reflects a recovery-oriented approach?",
        "options": [
            {
                "text": (
                    "“Eight months of learning doesn't disappear in a weekend. What happened, "
                    "and what do you want to do now?”"
                ),
                "correct": True,
                "feedback": (
                    "Yes. This treats the setback as part of her recovery, not the end of it, "
                    "and leaves the next step with her."
                ),
            },
            {
                "text": (
                    "“Then you'll just have to start again. Reset your count and get to a "
                    "meeting tonight.”"
                ),
                "correct": False,
                "feedback": (
                    "This agrees that everything is lost and prescribes your own route. It "
                    "leaves no room for what she wants."
                ),
            },
            {
                "text": (
                    "“Don't worry about it. One weekend isn't a problem, and everyone drinks "
                    "at weddings.”"
                ),
                "correct": False,
                "feedback": (
                    "This minimises something she has told you matters to her, and may leave "
                    "her feeling unheard."
                ),
            },
            {
                "text": "“I'll need to let your care coordinator know you've relapsed.”",
                "correct": False,
                "feedback": (
                    "A setback on its own is not a risk that needs reporting, and jumping to "
                    "this can make her regret being honest with you."
                ),
            },
        ],
        "explanation": (
            "Setbacks are common in recovery and do not erase what someone has learned. "
            "Respond with hope and curiosity, and let the person decide what happens next."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "What is supervision mainly for during your supervised practice hours?",
        "options": [
            {
                "text": (
                    "A safe place to bring uncertain situations, mistakes and the effect of "
                    "the work on you, and to learn from them."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Supervision is where you grow as a practitioner, and it works best "
                    "when you bring the hard things early."
                ),
            },
            {
                "text": "Checking that you have logged enough hours.",
                "correct": False,
                "feedback": (
                    "Your supervisor does review your practice log, but counting hours is the "
                    "smallest part of what supervision is for."
                ),
            },
            {
                "text": (
                    "Telling your supervisor about the people you support in more detail than "
                    "your practice log allows."
                ),
                "correct": False,
                "feedback": (
                    "Supervision is about your practice. Where you do need to discuss someone, "
                    "follow your organisation's policy on what can be shared."
                ),
            },
            {
                "text": "Dealing with things after they have gone wrong.",
                "correct": False,
                "feedback": (
                    "Supervision is most useful before things go wrong, when you first feel unsure."
                ),
            },
        ],
        "explanation": (
            "Credentials ask for supervised hours because peer work raises hard questions that "
            "no one should answer alone. Use supervision for learning, not just sign-off."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "You run a weekly peer support group. One member often gives others detailed "
            "advice about which medications to stop and how to come off them, based on what "
            "worked for him. Several members now ask him before they ask their doctors."
        ),
        "text": "What is the most appropriate way to handle this?",
        "options": [
            {
                "text": (
                    "Speak to him privately and remind the whole group that members share "
                    "their own experience but do not advise on medication, encouraging people "
                    "to take medication questions to their prescriber."
                ),
                "correct": True,
                "feedback": (
                    "Yes. This protects the group from risky misinformation without shaming "
                    "him, and restates what the group is for."
                ),
            },
            {
                "text": (
                    "Let it continue, since sharing practical coping strategies is what peer "
                    "groups are for."
                ),
                "correct": False,
                "feedback": (
                    "Coping strategies, yes; medication instructions, no. This is the kind of "
                    "misinformation risk that comes with a lack of professional oversight."
                ),
            },
            {
                "text": "Ask him to leave the group.",
                "correct": False,
                "feedback": (
                    "Removing him is a drastic first step. A clear conversation about the "
                    "group's agreements usually resolves it."
                ),
            },
            {
                "text": "Give the group your own view of which medications work best.",
                "correct": False,
                "feedback": (
                    "This repeats the same problem with more authority behind it. Medication "
                    "advice is outside the peer role."
                ),
            },
        ],
        "explanation": (
            "Peer groups thrive on shared experience, but advice on treatment belongs with "
            "clinicians. Part of facilitating is keeping the group within what peer support "
            "can safely offer."
        ),
    },
]
