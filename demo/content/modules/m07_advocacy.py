MODULE = {
    "title": "Advocacy and linking to resources",
    "slug": "advocacy",
    "domain": "advocacy",
    "training_hours": 10,
    "summary": (
        "How to stand alongside people as they speak up for themselves, connect them to the "
        "community resources recovery depends on, help them find their way through services, "
        "and turn the patterns you see into change."
    ),
    "objectives": [
        "Distinguish advocating for someone from advocating with them, and explain why "
        "self-advocacy comes first.",
        "Support a person to prepare for and speak up in appointments, respecting their rights "
        "and their informed choice.",
        "Link people to housing, money, work, mutual aid and community support using warm "
        "handoffs rather than leaflets alone.",
        "Help people navigate health and care systems and reduce barriers of geography, "
        "transport and scheduling.",
        "Challenge stigma and feed back patterns to managers as systems advocacy.",
    ],
    "lessons": [
        {
            "title": "Advocacy with, not for",
            "slug": "advocacy-with-not-for",
            "summary": (
                "Self-advocacy first, rights and informed choice, and how to support someone "
                "to speak up in an appointment."
            ),
            "estimated_minutes": 90,
            "body": [
                ("heading", {"text": "Three kinds of advocacy", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Advocacy means helping someone's voice be heard and their rights "
                    "respected. In peer work it comes in three forms:</p>"
                    "<ul>"
                    "<li><b>Self-advocacy:</b> the person speaks for themselves, and you help "
                    "them prepare.</li>"
                    "<li><b>Advocacy with:</b> you are there beside them. They lead, and you "
                    "back them up or step in when they ask you to.</li>"
                    "<li><b>Advocacy for:</b> you speak on their behalf, because they have "
                    "asked you to, can't be there, or are too unwell at that moment.</li>"
                    "</ul>"
                    "<p>Start with self-advocacy and move towards speaking for someone only as "
                    "far as you need to. Every time a person speaks up successfully, they build "
                    "confidence and skills that will outlast your involvement. Services learn "
                    "to deal with them directly, as the adult in charge of their own life. "
                    "Doing it for them, however efficiently, can quietly teach them that they "
                    "need you.</p>"
                    "<p>Don't be rigid about it. Someone in crisis, or facing a hostile "
                    "office for the third time, may need you to do more today. Step back again "
                    "as soon as you can.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Ask before you advocate",
                        "text": "<p>Before any appointment, ask: “Would you like me to say "
                        "anything, or would you rather I just sit with you?” Then do what you "
                        "agreed. Jumping in uninvited, even to help, takes the person's voice "
                        "away.</p>",
                    },
                ),
                ("heading", {"text": "Rights and informed choice", "level": "h2"}),
                (
                    "paragraph",
                    "<p>People who use health and care services generally have rights: to be "
                    "treated with dignity, to information about their care in a form they "
                    "understand, to agree to or refuse treatment when they are able to make "
                    "that decision, to see their records, to bring someone with them, and to "
                    "complain. The details vary by country, service and law. Learn the ones "
                    "that apply where you work; your organisation or a local patient advocacy "
                    "service can help. Don't give legal advice yourself. Link people to "
                    "specialist advocates or legal services instead.</p>"
                    "<p><b>Informed choice</b> means the person understands their options, "
                    "including the benefits, the risks and the alternatives (one of which is "
                    "doing nothing), and then decides without pressure. Your part is to help "
                    "them get the information, think it through and have their decision "
                    "respected, even when you would choose differently. If abstinence worked "
                    "for you and someone chooses medication, or the other way round, your job "
                    "is to back their choice, not to steer them towards yours.</p>",
                ),
                ("heading", {"text": "Speaking up in appointments", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Appointments are short, and people often come out without having said "
                    "what they meant to say. Preparation makes the biggest difference.</p>"
                    "<ol>"
                    "<li><b>Before:</b> ask what they want from the appointment. Write down "
                    "their top three questions and practise saying them. Agree your role, "
                    "whether that is taking notes, prompting or speaking, and agree a cue for "
                    "when they want you to step in. Bring any letters or medication lists, and "
                    "plan the journey.</li>"
                    "<li><b>During:</b> sit where they can see you. Let them speak first. Use "
                    "your agreed prompts (“Did you want to mention your sleep?”). If the "
                    "professional starts talking to you instead, gently turn it back: “I think "
                    "Chantelle's the best person to answer that.”</li>"
                    "<li><b>After:</b> go over what was agreed and what happens next. Ask how "
                    "it felt and what they would do differently next time.</li>"
                    "</ol>"
                    "<p>Phrases worth practising together: “Can you explain that another "
                    "way?” “What are my other options?” “What happens if I wait?” “Can I have "
                    "that in writing?” “I'd like some time to think about it.”</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "The ten-minute appointment",
                        "situation": "<p>Danny wants to ask his GP about the side effects of "
                        "his medication: he has gained weight and feels flat. At his last "
                        "appointment he came out having only talked about his cough. He asks "
                        "you to come with him this time, and says, “You explain it, you're "
                        "better at talking to doctors.”</p>",
                        "questions": [
                            "How would you respond to Danny's request that you do the talking?",
                            "What would you do together before the appointment?",
                            "What might you say if the GP seems rushed or dismissive?",
                            "How would you debrief with Danny afterwards?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "During an appointment, the doctor starts addressing their "
                        "questions to you rather than to the person you support. What do you "
                        "do?",
                        "options": [
                            {
                                "text": "Answer, since you know the background and it saves time.",
                                "correct": False,
                                "feedback": "Efficient, but it teaches everyone in the room "
                                "that you are the one to talk to.",
                            },
                            {
                                "text": "Gently redirect: “I think Chantelle's the best person "
                                "to answer that.”",
                                "correct": True,
                                "feedback": "Yes. This puts the person back at the centre "
                                "without creating a confrontation.",
                            },
                            {
                                "text": "Stay silent so the doctor realises the mistake.",
                                "correct": False,
                                "feedback": "The silence may just confuse things. A short, "
                                "friendly redirect works better.",
                            },
                        ],
                        "explanation": "Your presence should strengthen the person's voice, "
                        "not replace it.",
                    },
                ),
            ],
        },
        {
            "title": "Linking to community resources",
            "slug": "linking-to-resources",
            "summary": (
                "The community resources recovery often depends on, and why a warm handoff "
                "works better than a leaflet."
            ),
            "estimated_minutes": 90,
            "body": [
                ("heading", {"text": "Recovery happens in the community", "level": "h2"}),
                (
                    "paragraph",
                    "<p>SAMHSA describes four dimensions of recovery: health, home, purpose and "
                    "community. Treatment covers part of health. Most of the rest lives in the "
                    "community, and “links to resources” is one of SAMHSA's core competencies "
                    "for peer workers. Know what is out there:</p>"
                    "<ul>"
                    "<li><b>Housing:</b> emergency accommodation, supported and recovery "
                    "housing, tenancy support, help with arrears. Know each service's "
                    "eligibility, how referrals work, and whether they accept people on "
                    "prescribed medication such as methadone.</li>"
                    "<li><b>Benefits and money:</b> welfare rights advisers, debt advice, and "
                    "help with forms and assessments.</li>"
                    "<li><b>Work, learning and volunteering:</b> supported employment schemes, "
                    "colleges and volunteering as a stepping stone, plus help deciding what to "
                    "tell an employer.</li>"
                    "<li><b>Mutual-aid groups:</b> twelve-step fellowships such as AA and NA, "
                    "along with secular and other non-twelve-step groups, faith-based groups "
                    "and groups for families. Formats differ, so help people find one that "
                    "fits.</li>"
                    "<li><b>Recovery cafés and recovery community organisations:</b> "
                    "alcohol-free places to eat, meet people and take part in activities.</li>"
                    "<li><b>Online communities:</b> forums and video meetings that are "
                    "available at any hour, allow anonymity and reach rural areas. Help people "
                    "think about privacy, misinformation and whether a space is moderated.</li>"
                    "</ul>",
                ),
                ("heading", {"text": "Keep a living resource map", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Keep your own up-to-date list. For each resource, note a named "
                    "contact where you can, opening hours, eligibility, what to bring, how "
                    "accessible it is, and what people have found it like, without identifying "
                    "anyone. Services change and close, so check your list regularly. Better "
                    "still, visit places in person: you can describe a room you have sat in far "
                    "better than one you have only read about.</p>",
                ),
                ("heading", {"text": "Warm handoffs, not just leaflets", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Handing over a leaflet is quick, but it leaves all the effort with the "
                    "person at the moment they may have least to give. They have to make the "
                    "call, explain everything again, find the building and face the reception "
                    "desk. Many people fall between those cracks.</p>"
                    "<p>A <b>warm handoff</b> means you personally connect the person to a "
                    "named person at the next service, with their agreement:</p>"
                    "<ol>"
                    "<li>Ask what they want, and whether they would like you involved.</li>"
                    "<li>Agree what information you may share, and share no more.</li>"
                    "<li>Contact the service beforehand if that helps.</li>"
                    "<li>Make the call together, or go with them to the first visit or "
                    "meeting.</li>"
                    "<li>Introduce them by name, leading with their strengths and goals, not "
                    "their history.</li>"
                    "<li>Agree what happens next, then follow up to find out how it went.</li>"
                    "</ol>"
                    "<p>Leaflets still have a place, as a reminder alongside a handoff, or for "
                    "people who would rather do it themselves. That is self-advocacy too. Ask "
                    "which they would prefer.</p>",
                ),
                (
                    "story",
                    {
                        "quote": "My worker had given me the address of the recovery café "
                        "twice. I walked past it three times and never went in. The fourth "
                        "time, she met me at the bus stop and we went in together. She "
                        "introduced me to Pete behind the counter, who said I looked like a "
                        "man who needed a bacon roll. I stayed two hours. A leaflet can't do "
                        "that. Now I'm the one behind the counter some Saturdays, and I look "
                        "out for people hovering by the door.",
                        "attribution": "Gary, recovery café volunteer",
                        "consent_note": "Composite story written for training; shared with "
                        "consent of the people it draws on.",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "The Tuesday meeting",
                        "situation": "<p>Priya has been drinking less since she started seeing "
                        "you, and she wants to try a mutual-aid meeting. She has looked one up "
                        "online but says she feels sick at the thought of walking into a room "
                        "of strangers who might recognise her. She also isn't sure whether a "
                        "twelve-step group is right for her, because she isn't religious.</p>",
                        "questions": [
                            "What options could you explore with Priya?",
                            "What would a warm handoff look like here?",
                            "How would you respond to her worry about being recognised?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Which of these is a warm handoff?",
                        "options": [
                            {
                                "text": "Giving the person a printed list of local services, "
                                "with the ones you recommend highlighted.",
                                "correct": False,
                                "feedback": "Helpful as a reminder, but the person still "
                                "has to make every connection alone.",
                            },
                            {
                                "text": "With the person's agreement, making a three-way call "
                                "to a named housing officer, introducing them, and following up "
                                "afterwards.",
                                "correct": True,
                                "feedback": "Yes. You make a personal connection, with consent, "
                                "and then follow up.",
                            },
                            {
                                "text": "Emailing the person's full history to the new service "
                                "so they don't have to repeat themselves.",
                                "correct": False,
                                "feedback": "This skips consent and shares more than "
                                "necessary. Share only what the person has agreed to.",
                            },
                        ],
                        "explanation": "A warm handoff combines consent, a personal "
                        "introduction to a named person, and a follow-up.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Which resource in your area do you know least about? What "
                        "would it take to visit it in person before you next refer someone "
                        "there?",
                        "guidance": "Think about housing, money advice, mutual-aid groups that "
                        "aren't twelve-step, and online spaces. Gaps in your knowledge often "
                        "turn into gaps in people's support.",
                    },
                ),
            ],
        },
        {
            "title": "Navigating systems and removing barriers",
            "slug": "navigating-systems-and-barriers",
            "summary": (
                "Practical ways to help people through fragmented health and care systems, and "
                "to reduce barriers of geography, transport and scheduling."
            ),
            "estimated_minutes": 90,
            "body": [
                ("heading", {"text": "Why systems are hard to navigate", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Health and care systems are often fragmented. Mental health and "
                    "substance use services may sit in different organisations with different "
                    "rules. There are waiting lists, referral criteria, letters that arrive "
                    "after the appointment, and phone lines that ring out. People get bounced "
                    "between services: “Sort out your drinking first,” says one; “We can't see "
                    "you until your mental health is stable,” says the other.</p>"
                    "<p>Your own experience of sitting on the other side of the desk is a real "
                    "asset here. You know how it feels to be lost in the system, and you can "
                    "help people find their way through it without taking over.</p>",
                ),
                ("heading", {"text": "Practical navigation", "level": "h3"}),
                (
                    "paragraph",
                    "<ul>"
                    "<li><b>Map it together.</b> Sit down with the person and draw out who is "
                    "involved, what each service does and who the named contacts are.</li>"
                    "<li><b>Keep a simple record,</b> held by the person if they want to hold "
                    "it: names, dates, reference numbers and what was agreed.</li>"
                    "<li><b>Understand referral routes</b> and eligibility before you suggest "
                    "a service, so you don't raise hopes for a door that is closed.</li>"
                    "<li><b>Chase politely and persistently,</b> and put important requests "
                    "in writing.</li>"
                    "<li><b>Help people ask for their care plan and records,</b> so they know "
                    "what has been decided about them.</li>"
                    "<li><b>Know the complaints route</b> and the local independent advocacy "
                    "services, for when you can't resolve something informally.</li>"
                    "<li><b>When services contradict each other,</b> ask for a joint meeting "
                    "with the person present.</li>"
                    "</ul>",
                ),
                ("heading", {"text": "Sharing information between services", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Navigation often means information moving between services, and that "
                    "information belongs to the person. Before you pass anything on, ask: "
                    "“Is it all right if I tell the housing team that you're waiting for a "
                    "mental health assessment?” Follow your organisation's consent process, "
                    "and record what was agreed. If a professional asks you for background, "
                    "check with the person first, or suggest the professional asks them "
                    "directly. The exceptions are the same limits you explained at the start: "
                    "serious risk to life, a child at risk, or a legal requirement.</p>",
                ),
                ("heading", {"text": "Barriers of place, transport and time", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Some of the most common reasons people miss out on support have nothing "
                    "to do with motivation:</p>"
                    "<ul>"
                    "<li><b>Geography:</b> in rural areas the nearest service may be an hour "
                    "away, and specialist services further still.</li>"
                    "<li><b>Transport:</b> fares, infrequent or early-finishing buses, "
                    "disability, or anxiety on crowded public transport.</li>"
                    "<li><b>Scheduling:</b> appointments set during working hours, school runs, "
                    "shifts, and rules that discharge people after a number of missed "
                    "appointments without asking why they were missed.</li>"
                    "</ul>"
                    "<p>What you can do: ask the person what gets in the way, without assuming. "
                    "Find out about help with travel costs. Ask services about phone or video "
                    "appointments and times that fit. Set up reminders in the way the person "
                    "prefers. Plan journeys together, perhaps with a practice run. And when a "
                    "policy penalises people for barriers outside their control, say so, and "
                    "keep a note of the pattern (more on this in lesson 4).</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Missed appointments are information",
                        "text": "<p>When someone misses an appointment, ask “What got in the "
                        "way?” rather than “Why didn't you go?” The answer is often practical "
                        "(no bus fare, a letter that never arrived, a child off sick), and "
                        "practical problems have practical solutions.</p>",
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "Discharged for non-attendance",
                        "situation": "<p>Kev lives in a village with two buses a day. He has "
                        "missed three appointments at the community mental health team, each "
                        "booked for 9am, and has now had a letter saying he has been "
                        "discharged back to his GP. He shows you the letter and says, “That's "
                        "that, then. They don't want me.”</p>",
                        "questions": [
                            "How would you respond to what Kev has just said?",
                            "What steps could you take with Kev to challenge or reverse the "
                            "discharge?",
                            "What could be asked of the team so this doesn't happen again?",
                            "Is this an individual problem, a systems problem, or both?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Marta keeps missing afternoon appointments because she "
                        "collects her children from school. Which response best fits "
                        "advocating with her?",
                        "options": [
                            {
                                "text": "Phone the service yourself and rearrange her "
                                "appointments for the mornings.",
                                "correct": False,
                                "feedback": "It may work, but it is advocating for her when "
                                "she could lead, and you might pick times that don't suit.",
                            },
                            {
                                "text": "Help her plan what to ask for, and be with her, or on "
                                "speaker, while she calls to request different times.",
                                "correct": True,
                                "feedback": "Yes. She leads, you back her up, and she gains a "
                                "skill she can use again.",
                            },
                            {
                                "text": "Remind her that attending is important and suggest "
                                "she asks a friend to do the school run.",
                                "correct": False,
                                "feedback": "This treats a system barrier as her "
                                "responsibility alone.",
                            },
                        ],
                        "explanation": "Barriers are often practical and systemic. Support the "
                        "person to tackle them, and note the pattern for change.",
                    },
                ),
            ],
        },
        {
            "title": "Challenging stigma and advocating for change",
            "slug": "stigma-and-systems-advocacy",
            "summary": (
                "How stigma shows up in services and the community, and how to turn the "
                "patterns you see into systems advocacy."
            ),
            "estimated_minutes": 90,
            "body": [
                ("heading", {"text": "Stigma in services and the community", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Stigma isn't only name-calling. In services it shows up as:</p>"
                    "<ul>"
                    "<li><b>Language:</b> “addict”, “clean” and “dirty”, “frequent flyer”, "
                    "“non-compliant”, “attention-seeking”.</li>"
                    "<li><b>Assumptions:</b> treating a request for pain relief as "
                    "drug-seeking, or putting physical symptoms down to mental health without "
                    "checking.</li>"
                    "<li><b>Rules that exclude:</b> housing or activities closed to people on "
                    "prescribed medication for opioid use, or to anyone with a record.</li>"
                    "</ul>"
                    "<p>In the community it shows up with landlords, employers, neighbours, "
                    "and sometimes family. And it gets inside people. Self-stigma, the belief "
                    "that “people like me don't get better”, can be the biggest barrier of "
                    "all.</p>",
                ),
                ("heading", {"text": "What you can do", "level": "h3"}),
                (
                    "paragraph",
                    "<ul>"
                    "<li>Use recovery-oriented, person-first language yourself: “a person who "
                    "uses drugs”, “a person in recovery”, “started using again”.</li>"
                    "<li>Challenge stigmatising language from colleagues calmly, privately "
                    "first if you can, and with curiosity rather than accusation.</li>"
                    "<li>Share your own story strategically, where it can change minds, and "
                    "within the boundaries you have chosen.</li>"
                    "<li>Offer to contribute to staff training and community events.</li>"
                    "<li>Counter self-stigma with strengths-based conversations: notice and "
                    "name what the person is already doing well.</li>"
                    "</ul>",
                ),
                (
                    "story",
                    {
                        "quote": "I went to A&E with chest pains. The moment the triage nurse "
                        "saw methadone on my list, her whole manner changed. I was put in a "
                        "corner and nobody came for hours. When a doctor finally saw me, the "
                        "first thing he asked was what I'd taken. I hadn't taken anything. It "
                        "turned out to be a chest infection, but I walked out before they'd "
                        "finished, because I couldn't stand being looked at like that. Now, "
                        "when I go with people to appointments, I know exactly what that look "
                        "feels like.",
                        "attribution": "Sean, peer advocate",
                        "consent_note": "Composite story written for training; shared with "
                        "consent of the people it draws on.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Language is practice",
                        "text": "<p>The words a team uses shape how it treats people. A "
                        "“frequent flyer” gets a sigh; “someone who keeps coming back because "
                        "what we're offering isn't working” gets a rethink. Changing the words "
                        "is often where changing the practice begins.</p>",
                    },
                ),
                ("heading", {"text": "Systems advocacy: from one person to many", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Individual advocacy solves a problem for one person. Systems advocacy "
                    "changes whatever caused the problem, for everyone it affects. Peer workers "
                    "are often the first to see patterns, because people tell you things they "
                    "don't tell professionals.</p>"
                    "<ol>"
                    "<li><b>Notice the pattern.</b> The same barrier comes up for several "
                    "people.</li>"
                    "<li><b>Gather evidence without identifying anyone:</b> how often it "
                    "happens, what happened, what it cost people.</li>"
                    "<li><b>Check your facts,</b> including the policy as it is actually "
                    "written.</li>"
                    "<li><b>Take it to your manager or supervisor</b> in a short summary "
                    "covering the pattern, its impact and a suggestion.</li>"
                    "<li><b>Use the proper channels:</b> team meetings, service user forums, "
                    "partnership meetings.</li>"
                    "<li><b>Involve people with lived experience</b> in shaping the solution.</li>"
                    "<li><b>Follow up,</b> and be patient and persistent.</li>"
                    "</ol>"
                    "<p>For example: “Several people I've supported recently have been "
                    "discharged after missing early appointments, and each time the problem "
                    "was the bus timetable. Could we raise offering phone appointments or "
                    "later slots for people from the villages?” Stay within your role and your "
                    "organisation's policy on speaking publicly. Going to social media or the "
                    "press is rarely the right first step.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "The hostel rule",
                        "situation": "<p>In the last two months, three people you support "
                        "have been turned away from the same hostel because they are on "
                        "prescribed methadone. Staff at the hostel say it's “policy”, but no "
                        "one can show you the policy in writing. One of the three is now "
                        "sleeping in his car.</p>",
                        "questions": [
                            "What do you do for the man sleeping in his car today?",
                            "What information would you gather, and how do you keep it "
                            "non-identifying?",
                            "Who do you take this to, and what do you ask for?",
                            "What would you avoid doing, even though you are angry?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Which of these is systems advocacy?",
                        "options": [
                            {
                                "text": "Going with someone to appeal a benefits decision.",
                                "correct": False,
                                "feedback": "That is valuable individual advocacy, for one "
                                "person and one decision.",
                            },
                            {
                                "text": "Taking a non-identifying summary of a repeated "
                                "barrier to your manager, with a suggested change.",
                                "correct": True,
                                "feedback": "Yes. You are using patterns from individual "
                                "work to change the system.",
                            },
                            {
                                "text": "Posting about a named service's failures on your "
                                "personal social media.",
                                "correct": False,
                                "feedback": "This risks identifying people, goes outside the "
                                "proper channels, and rarely leads to lasting change.",
                            },
                        ],
                        "explanation": "Systems advocacy turns what you see in individual "
                        "cases into evidence for change, through the proper channels.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Think of a time you experienced stigma or a barrier in "
                        "services. What would have made the difference, and who could have "
                        "changed it?",
                        "guidance": "Use this to sharpen your eye for the patterns the people "
                        "you support face. You don't need to share it with anyone.",
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
        "text": "Which approach best reflects “self-advocacy first”?",
        "options": [
            {
                "text": "Help the person prepare to speak for themselves, and agree "
                "beforehand when, if ever, you will step in.",
                "correct": True,
                "feedback": "Yes. The person leads, and you support only as far as they need.",
            },
            {
                "text": "Speak on the person's behalf at appointments, because professionals "
                "take workers more seriously.",
                "correct": False,
                "feedback": "Sometimes that's true, but doing it by default builds dependence "
                "and teaches services to talk to you instead.",
            },
            {
                "text": "Leave the person to handle appointments alone, so they build "
                "independence.",
                "correct": False,
                "feedback": "Self-advocacy still needs support. Preparing together and being "
                "there if asked are part of it.",
            },
        ],
        "explanation": "Start with self-advocacy, move to advocating with, and speak for "
        "someone only when they ask or can't speak for themselves.",
    },
    {
        "kind": "scenario",
        "vignette": "Chantelle asks you to come to her psychiatric review. In the waiting room "
        "she says she wants to ask about coming off a medication that makes her drowsy, but "
        "she's worried the psychiatrist will think she is being difficult.",
        "text": "What is the most helpful thing to do?",
        "options": [
            {
                "text": "Raise the medication yourself at the start, so it definitely gets "
                "discussed.",
                "correct": False,
                "feedback": "It gets the topic raised, but it takes over her appointment "
                "without asking her first.",
            },
            {
                "text": "Help her jot down her question, agree a cue for if she wants you to "
                "prompt her, and back her up when she asks.",
                "correct": True,
                "feedback": "Yes. She leads, and your support makes it easier for her to speak.",
            },
            {
                "text": "Suggest she reduces the dose gradually herself and tells the "
                "psychiatrist later.",
                "correct": False,
                "feedback": "This is outside your role and could be unsafe. Medication "
                "changes should be discussed with the prescriber.",
            },
            {
                "text": "Reassure her that it's better not to rock the boat at a review.",
                "correct": False,
                "feedback": "This undermines her right to information and choice about her own "
                "treatment.",
            },
        ],
        "explanation": "Informed choice means the person can raise concerns and hear their "
        "options. Your job is to strengthen their voice, not replace it or give medical "
        "advice.",
    },
    {
        "kind": "multiple",
        "vignette": "",
        "text": "Which of these are part of a warm handoff? Choose all that apply.",
        "options": [
            {
                "text": "Agreeing with the person what information you may share.",
                "correct": True,
                "feedback": "Correct. Consent comes first.",
            },
            {
                "text": "Going with them to the first visit, or making a three-way call.",
                "correct": True,
                "feedback": "Correct. The personal connection is the heart of a warm handoff.",
            },
            {
                "text": "Following up afterwards to find out how it went.",
                "correct": True,
                "feedback": "Correct. The follow-up catches anything that didn't work.",
            },
            {
                "text": "Giving them the service's number and encouraging them to call when "
                "they feel ready.",
                "correct": False,
                "feedback": "That is a referral, not a handoff. It leaves the whole connection "
                "to the person.",
            },
            {
                "text": "Sending the new service the person's full history so they don't have "
                "to repeat themselves.",
                "correct": False,
                "feedback": "Well meant, but share only what the person has agreed to.",
            },
        ],
        "explanation": "A warm handoff is a personal, consented connection to a named person, "
        "followed up afterwards.",
    },
    {
        "kind": "scenario",
        "vignette": "Kev lives in a village with two buses a day. He has missed three 9am "
        "appointments with the community mental health team and has now had a discharge "
        "letter. He says, “They don't want me.”",
        "text": "What is the best response?",
        "options": [
            {
                "text": "Acknowledge how he feels, then help him contact the team to explain "
                "the transport problem and ask for a later or phone appointment. Note the "
                "pattern to raise with your manager.",
                "correct": True,
                "feedback": "Yes. You support Kev now and also feed back the system barrier.",
            },
            {
                "text": "Tell him discharge is final, and help him ask his GP for a new referral.",
                "correct": False,
                "feedback": "A new referral may be needed eventually, but discharge decisions "
                "can often be reviewed, and starting over means another wait.",
            },
            {
                "text": "Suggest he leaves earlier next time so he doesn't miss the bus.",
                "correct": False,
                "feedback": "This treats a timetable problem as a motivation problem, and "
                "there may be no earlier bus.",
            },
        ],
        "explanation": "Missed appointments are often caused by practical barriers. Deal with "
        "the individual case, and pass the pattern on as systems advocacy.",
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "Informed choice means the peer worker makes sure the person picks the option "
        "most likely to support their recovery.",
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": "That is steering, not informed choice. The decision belongs to "
                "the person.",
            },
            {
                "text": "False",
                "correct": True,
                "feedback": "Correct. You help the person understand the options and respect "
                "what they decide, even if you would choose differently.",
            },
        ],
        "explanation": "Informed choice means understanding the options, risks and "
        "alternatives, then deciding freely. Your role is information and support, not "
        "selection.",
    },
    {
        "kind": "scenario",
        "vignette": "In a multidisciplinary team meeting, a nurse describes a man you support "
        "as “a frequent flyer who's just after a bed”. Others nod. You know he has been "
        "turned away from two hostels this month.",
        "text": "What is the most constructive response?",
        "options": [
            {
                "text": "Say nothing in the meeting. Challenging a clinician isn't a peer "
                "worker's place.",
                "correct": False,
                "feedback": "Challenging stigma is part of your role. You can do it calmly and "
                "respectfully.",
            },
            {
                "text": "Calmly offer the context that he's been turned away from two hostels, "
                "suggest he keeps coming back because his housing need isn't being met, and "
                "follow up privately about the language.",
                "correct": True,
                "feedback": "Yes. You reframe with facts in the meeting and raise the "
                "language privately, which is more likely to change practice.",
            },
            {
                "text": "Tell the nurse in front of everyone that the comment was "
                "stigmatising and unprofessional.",
                "correct": False,
                "feedback": "You may be right, but public criticism tends to make people "
                "defensive rather than reflective.",
            },
        ],
        "explanation": "Stigmatising language shapes how people are treated. Reframe it with "
        "facts, and address the language in a way that invites reflection.",
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "Several people you support have been refused by the same housing provider "
        "because they take prescribed methadone. What is the best systems-advocacy step?",
        "options": [
            {
                "text": "Advise people not to mention their medication when they apply.",
                "correct": False,
                "feedback": "This puts people at risk if it comes out later, and it leaves the "
                "barrier in place for everyone else.",
            },
            {
                "text": "Keep challenging each refusal one case at a time.",
                "correct": False,
                "feedback": "Individual advocacy is still needed, but on its own it leaves "
                "the underlying policy unchanged.",
            },
            {
                "text": "Gather a non-identifying summary of the pattern and take it to your "
                "manager with a suggestion, such as asking the provider for its written "
                "policy.",
                "correct": True,
                "feedback": "Yes. Evidence, proper channels and a clear request are how "
                "systems change.",
            },
        ],
        "explanation": "Systems advocacy turns repeated individual problems into evidence, "
        "raised through the proper channels.",
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "Online recovery communities can be a legitimate part of someone's support, "
        "though it helps to think with them about privacy and whether a space is moderated.",
        "options": [
            {
                "text": "True",
                "correct": True,
                "feedback": "Correct. Online spaces reach people that in-person groups don't, "
                "but they bring their own risks.",
            },
            {
                "text": "False",
                "correct": False,
                "feedback": "Online communities offer anonymity, round-the-clock access and "
                "reach into rural areas. They are a real resource, not a lesser one.",
            },
        ],
        "explanation": "Link people to support they will actually use, including online "
        "communities, and help them choose safe, well-moderated spaces.",
    },
]
