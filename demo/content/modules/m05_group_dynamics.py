MODULE = {
    "title": "Group dynamics and facilitation",
    "slug": "group-dynamics",
    "domain": "mentoring-and-education",
    "training_hours": 5,
    "summary": (
        "How to help a peer group become a safe and useful place: agreeing ground rules and "
        "confidentiality, reading the stage a group is in, responding to difficult dynamics, "
        "keeping the group open to people who find it hard to reach, and knowing when to bring "
        "in professional help."
    ),
    "objectives": [
        "Describe the conditions that make a peer group feel safe and useful, and agree ground "
        "rules and a confidentiality agreement with a group.",
        "Recognise the stages a group moves through and adjust your facilitation to each one.",
        "Respond calmly and fairly to common dynamics: a dominant or silent member, conflict, "
        "cliques, power imbalances, and a member who arrives intoxicated or in crisis.",
        "Plan for inclusion and accessibility, including support for people who prefer one-to-one.",
        "Explain how co-facilitation, debriefing and professional input protect a group from "
        "misinformation and unaddressed safety concerns.",
    ],
    "lessons": [
        {
            "title": "What makes a peer group work",
            "slug": "what-makes-a-group-work",
            "summary": (
                "The five conditions a helpful peer group rests on, and how to agree ground rules "
                "and a confidentiality agreement with the group rather than for it."
            ),
            "estimated_minutes": 60,
            "body": [
                ("heading", {"text": "Five conditions for a group that helps", "level": "h2"}),
                (
                    "paragraph",
                    "<p>A peer group is not a therapy group, and it is not a social club either. "
                    "People come because they hope that sitting with others who have been there "
                    "will help them. Whether it does depends less on the topic than on the "
                    "conditions in the room. Five matter more than anything else:</p>"
                    "<ul>"
                    "<li><b>Safety.</b> People can say something true without it being laughed "
                    "at, repeated outside, or used against them later.</li>"
                    "<li><b>Shared purpose.</b> Everyone knows why the group meets. “A space for "
                    "people recovering from alcohol use to talk about the week ahead” gives "
                    "people something to steer by; “a chat” does not.</li>"
                    "<li><b>Non-judgement.</b> Members describe their own experience instead of "
                    "grading each other's. Nobody's pathway (medication, abstinence, cutting "
                    "down, faith-based or secular) is ranked above another.</li>"
                    "<li><b>Mutual encouragement.</b> Support flows between members, not only "
                    "from you to them. A good sign is a member saying to another, “That's what "
                    "helped me too.”</li>"
                    "<li><b>Accountability.</b> People say what they plan to try, and the group "
                    "asks about it kindly next time. Accountability is invited, never imposed: "
                    "“Do you want us to ask you about that next week?”</li>"
                    "</ul>"
                    "<p>Your job as facilitator is to hold these conditions in place so that the "
                    "members can do the work. You are still a peer. You share your own "
                    "experience when it serves the group, not to fill a silence or to become "
                    "the main speaker.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "You hold the frame; the group does the work",
                        "text": "<p>Most of what helps in a peer group happens between members. "
                        "Your energy goes into the frame around it: the purpose, the agreement, "
                        "the timekeeping and everyone's safety. If you find yourself talking "
                        "more than any member, step back.</p>",
                    },
                ),
                ("heading", {"text": "Agreeing ground rules with the group", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Ground rules work best when the group writes them. A laminated list "
                    "handed out on the first night gets a polite nod and is then forgotten. "
                    "Instead, ask early in the first session: “What would you need from each "
                    "other to feel able to say something real here?” Write the answers up in "
                    "the members' own words, then add anything essential that is missing. A "
                    "typical agreement includes:</p>"
                    "<ul>"
                    "<li>One person speaks at a time.</li>"
                    "<li>Speak from your own experience (“What helped me was…”) rather than "
                    "telling others what they should do.</li>"
                    "<li>No advice unless someone asks for it.</li>"
                    "<li>It is always fine to pass.</li>"
                    "<li>Respect for every recovery pathway.</li>"
                    "<li>Come to the group not under the influence of alcohol or drugs (how "
                    "you word and handle this is covered in lesson 3).</li>"
                    "<li>Phones on silent; start and finish on time.</li>"
                    "</ul>"
                    "<p>Revisit the agreement whenever a new member joins and whenever something "
                    "goes wrong. Pointing to a rule the group wrote feels far less personal than "
                    "telling someone off: “We agreed we'd let people finish. Can we hold that "
                    "for a moment so Sam can get to the end?”</p>",
                ),
                ("heading", {"text": "The confidentiality agreement", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Confidentiality shapes how much people are willing to share more than "
                    "any other condition. Members worry that what they say will reach an "
                    "employer, a family member, a social worker or the rest of a small town. "
                    "Make the agreement explicit and be honest about its limits. It should "
                    "cover:</p>"
                    "<ul>"
                    "<li>Names, stories and who attends stay in the group.</li>"
                    "<li>Members can take away what they learned, but not who said it.</li>"
                    "<li>If members see each other outside, they let the other person choose "
                    "whether to say hello.</li>"
                    "<li>No photos, screenshots or recordings, which matters especially in "
                    "online groups.</li>"
                    "<li>Your limits as a worker: you cannot keep quiet about a serious risk to "
                    "someone's life or safety, a child at risk of harm, or anything the law or "
                    "your organisation's policy requires you to report.</li>"
                    "<li>What you cannot promise: you can ask members to keep the agreement, but "
                    "you cannot guarantee what every member does.</li>"
                    "</ul>"
                    "<p>Explain the limits at the start, before anyone shares anything. Telling "
                    "someone about the limits after they have disclosed feels like a trap.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "A script for the limits of confidentiality",
                        "text": "<p>“What's said here stays here, and I'll ask all of us to "
                        "agree to that. There's one exception for me as facilitator: if I'm "
                        "worried that someone's life or safety, or a child's safety, is at "
                        "serious risk, I may need to get more help. If that happens I'll try to "
                        "talk to you first. I also can't promise what everyone here will do, so "
                        "share what feels right for you.” Put it in your own words, but keep "
                        "all three parts.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "A new member asks whether anything they say in the group "
                        "could ever be passed on. What is the most honest answer?",
                        "options": [
                            {
                                "text": "“No. Everything said in this room is completely "
                                "confidential.”",
                                "correct": False,
                                "feedback": "It is reassuring, but it isn't true. You have "
                                "limits around serious risk, and you cannot control what other "
                                "members do.",
                            },
                            {
                                "text": "Explain the group agreement, your own limits as "
                                "facilitator, and that you can't guarantee what other members do.",
                                "correct": True,
                                "feedback": "Yes. An honest answer lets the person decide what "
                                "to share, knowing the real picture.",
                            },
                            {
                                "text": "“It's best not to share anything personal until you "
                                "know the group better.”",
                                "correct": False,
                                "feedback": "Letting people go at their own pace is good, but "
                                "this avoids their question, and it can come across as a "
                                "warning that the group isn't safe.",
                            },
                        ],
                        "explanation": "Trust comes from honesty about limits, not from "
                        "promises you cannot keep. Give the agreement, the exceptions and the "
                        "uncertainty, then leave the choice with the person.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Think of a group you have been part of, in recovery or "
                        "anywhere else. What made it feel safe or unsafe to speak? Which of "
                        "those things could you recreate, or avoid, as a facilitator?",
                        "guidance": "Be specific: a look, a rule, the way someone responded to "
                        "a first share, where people sat. Small details often decide whether "
                        "people come back.",
                    },
                ),
            ],
        },
        {
            "title": "How groups change, and who they leave out",
            "slug": "group-stages-and-inclusion",
            "summary": (
                "The stages a group typically moves through, what each asks of you, and how to "
                "keep the group open to people facing barriers of place, transport, time or "
                "temperament."
            ),
            "estimated_minutes": 60,
            "body": [
                ("heading", {"text": "A group has a life of its own", "level": "h2"}),
                (
                    "paragraph",
                    "<p>A widely used way of describing groups names five stages: forming, "
                    "storming, norming, performing and ending. Treat it as a map, not a "
                    "timetable. Groups move back and forth, and an open group with members "
                    "coming and going may loop round several times in a year. The value of the "
                    "map is that it stops you from mistaking a normal stage for a failure.</p>"
                    "<ul>"
                    "<li><b>Forming.</b> People are polite and cautious, share safe surface "
                    "details and look to you for direction. Give more structure: "
                    "introductions, the agreement, a short honest share of your own to show "
                    "what sharing looks like, and clear permission to pass.</li>"
                    "<li><b>Storming.</b> Tension comes out: challenges to the rules or to "
                    "you, arguments about recovery pathways, someone saying the group is "
                    "pointless. Don't take it personally. It often means people care enough to "
                    "disagree. Name what is happening, go back to the purpose and the "
                    "agreement, and let the group revise its rules if they need revising.</li>"
                    "<li><b>Norming.</b> The group develops its own habits. Members encourage "
                    "each other and follow up on each other's plans. Step back, and hand over "
                    "small roles such as the opening round or keeping time.</li>"
                    "<li><b>Performing.</b> Members take risks, share more deeply and "
                    "challenge each other kindly. You mostly hold time and safety. Watch for "
                    "comfort turning into in-jokes that shut out newer members.</li>"
                    "<li><b>Ending.</b> When a group closes or a long-standing member leaves, "
                    "it can stir up old losses. Mark it. Give time for people to say what they "
                    "are taking with them, and talk about where their support continues.</li>"
                    "</ul>",
                ),
                (
                    "paragraph",
                    "<p>Every new arrival nudges an established group back towards forming. "
                    "Make arrivals easier: meet the newcomer one-to-one beforehand to talk "
                    "through the agreement and what a session looks like, ask an existing "
                    "member if they would be willing to say hello, and run through the "
                    "agreement briefly at the start of their first session.</p>",
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Three sessions in, two members argue about whether people "
                        "on opioid substitution medication are “really” in recovery, and a third "
                        "says the group is a waste of time. What is the most helpful response?",
                        "options": [
                            {
                                "text": "End the session early so things can cool down.",
                                "correct": False,
                                "feedback": "A pause can help if tempers are high, but ending "
                                "early signals that disagreement is dangerous and leaves the "
                                "issue hanging.",
                            },
                            {
                                "text": "Name the tension, go back to the group's agreement "
                                "about respecting every pathway, and invite the group to talk "
                                "about what respect looks like here.",
                                "correct": True,
                                "feedback": "Yes. This is typical of the storming stage. "
                                "Working through it together is how a group builds its own "
                                "norms.",
                            },
                            {
                                "text": "Explain the evidence for medication so the group "
                                "knows who is right.",
                                "correct": False,
                                "feedback": "Accurate information has its place, but settling "
                                "the argument for them takes sides and skips the real issue: "
                                "how members treat each other's choices.",
                            },
                        ],
                        "explanation": "Conflict early in a group's life is normal. Your task "
                        "is to keep it safe and use it to strengthen the agreement, not to "
                        "shut it down or win it.",
                    },
                ),
                ("heading", {"text": "Who isn't in the room?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The people who could gain most from a group are often the least able to "
                    "reach it. Look honestly at the barriers your group puts up:</p>"
                    "<ul>"
                    "<li><b>Location.</b> A venue inside a treatment centre, a church or a "
                    "police station may put people off, and some worry about being seen going "
                    "in. An upstairs room without a lift shuts out others.</li>"
                    "<li><b>Transport.</b> Bus routes, fares and the last bus home all decide "
                    "who can come. Find out whether your organisation can help with travel "
                    "costs. Lifts between members are kind but can blur boundaries, so talk "
                    "them through with your supervisor.</li>"
                    "<li><b>Timing.</b> Daytime groups exclude people in work; evening groups "
                    "exclude many parents and shift workers. Vary the times if you can, or run "
                    "more than one group.</li>"
                    "<li><b>Online options.</b> Video or phone groups help people in rural "
                    "areas, people with mobility problems or caring duties, and people who "
                    "find rooms full of strangers hard. They need their own agreement: no "
                    "recording, headphones if others are nearby, and a plan for what you will "
                    "do if someone leaves the call upset. Not everyone has a device, data or a "
                    "private place to talk.</li>"
                    "<li><b>Reading, language and senses.</b> Keep handouts short and plain, "
                    "ask about interpreters, and think about noise and lighting.</li>"
                    "</ul>",
                ),
                ("heading", {"text": "People who prefer one-to-one", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Not everyone wants to talk in front of others. Shame, past trauma, fear "
                    "of being recognised, social anxiety or simple temperament can make a group "
                    "feel impossible. That is not resistance to recovery. Offer one-to-one peer "
                    "support alongside the group, offer to meet someone before their first "
                    "session, and make it clear they can come and just listen. Never make "
                    "attending a group the price of getting help.</p>",
                ),
                (
                    "story",
                    {
                        "quote": "I sat by the door for the first month and didn't say a word. "
                        "The facilitator never pushed. She'd just say “passing is always fine” "
                        "and move on, and afterwards she'd ask whether the room was all right "
                        "for me. Then one week a woman talked about hiding bottles in the "
                        "boiler cupboard and I laughed, because I'd done exactly the same. That "
                        "laugh was the first thing I shared. Nobody made a fuss about it. If "
                        "they had, I think I'd have stopped coming.",
                        "attribution": "Marcus, group member",
                        "consent_note": "Composite story written for training; shared with "
                        "consent of the people it draws on.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "Picture someone in your community who might benefit from a "
                        "peer group but isn't coming. What might be stopping them, and what is "
                        "one change that would make it easier for them?",
                        "guidance": "Think beyond motivation: money, buses, childcare, shift "
                        "patterns, who else might be in the room, and whether the group looks "
                        "like it is meant for people like them.",
                    },
                ),
            ],
        },
        {
            "title": "Common dynamics and how to respond",
            "slug": "common-dynamics",
            "summary": (
                "Practical responses to a dominant or silent member, conflict, cliques, power "
                "imbalances, and a member who arrives intoxicated or in crisis."
            ),
            "estimated_minutes": 75,
            "body": [
                ("heading", {"text": "Respond early and lightly", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Most difficult dynamics are easier to handle early. Use the lightest "
                    "response that works: a change of structure, then a reminder of the "
                    "agreement, then a direct word in the group, then a private conversation "
                    "afterwards. Talk about behaviour, not character. Remember the person "
                    "behind the behaviour: the member who talks constantly is often anxious, "
                    "and the silent one may be working harder than anyone.</p>",
                ),
                ("heading", {"text": "A member who dominates", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Use structure first: a round where everyone gets a turn, a rough time "
                    "per person, or a rule that nobody speaks twice until everyone who wants to "
                    "has spoken once. If you need to interrupt, do it warmly: “Jo, I'm going to "
                    "stop you there because I want to make sure we hear from everyone. Can you "
                    "hold that thought?” Then have a private word afterwards, led by curiosity: "
                    "“I notice you've had a lot to bring lately. How are things?” Sometimes the "
                    "answer is that the person needs more than the group can give, and "
                    "one-to-one support should be offered as well.</p>",
                ),
                ("heading", {"text": "A member who stays silent", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Silence is not failure. Many people listen for weeks before they speak. "
                    "Never single someone out with “What do you think?” in front of everyone. "
                    "Offer easy ways in: a one-word check-in, talking in pairs before the whole "
                    "group, or writing on cards. Check in privately: “Is the group working for "
                    "you? Is there anything that would make it easier to join in?”</p>",
                ),
                ("heading", {"text": "Conflict between members", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Some disagreement is healthy. When it turns personal, slow things down. "
                    "Ask each person to speak from their own experience, reflect back what both "
                    "have said, and point to the agreement. If it is too heated, call a short "
                    "break. Follow up with each person on their own. It is not your place to "
                    "rule on whose recovery is more valid.</p>",
                ),
                ("heading", {"text": "Cliques and power imbalances", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Sub-groups form naturally: the longest-standing members, people who "
                    "share a pathway, the ones who go out for a smoke together. Watch for "
                    "in-jokes, side conversations and newcomers left on the edge. Mix up pairs, "
                    "rotate roles, and give the group the problem to solve together: “We've got "
                    "a few newer faces. How do we make sure this feels like their group too?” "
                    "Check you are not part of a clique yourself.</p>"
                    "<p>Power imbalances are quieter. They come from length of recovery, "
                    "income, gender, race, age, whether someone has been told to attend, and "
                    "professional titles, including yours. The voice of long-term recovery can "
                    "easily become “the right way”. Invite newer voices to speak first, say "
                    "again that every pathway and stage is welcome, and remember that you hold "
                    "power too: you write notes and you talk to staff.</p>",
                ),
                ("heading", {"text": "A member who arrives intoxicated", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Agree a policy with your organisation before it happens. The principle "
                    "is safety first and dignity always. Speak to the person privately, never in "
                    "front of the group. Check they are physically safe: can they stand and "
                    "talk clearly, have they mixed substances, are they drowsy? If you are "
                    "worried about an overdose, call emergency services. Explain simply that "
                    "they cannot join today, and that they are welcome back next time. If you "
                    "have a co-facilitator, one of you stays with them or helps arrange a safe "
                    "way home. Skip the lecture; they will remember whether the door stayed "
                    "open.</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "The late arrival",
                        "situation": "<p>Ten minutes into your Thursday group, Kayleigh comes "
                        "in. She smells strongly of alcohol, her speech is slurred and she is "
                        "tearful. She says she had a row with her mum, and she needs the group "
                        "tonight more than ever. Two members look uncomfortable; one of them is "
                        "in early recovery from alcohol use.</p>",
                        "questions": [
                            "What do you say to Kayleigh, and where do you say it?",
                            "How do you check whether she is physically safe?",
                            "What do you say to the rest of the group, if anything?",
                            "How do you make sure Kayleigh knows she is welcome back?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "A member has attended four sessions and has never spoken. "
                        "What is the most helpful approach?",
                        "options": [
                            {
                                "text": "Ask them directly in the group what they think, so "
                                "they feel included.",
                                "correct": False,
                                "feedback": "Well meant, but being put on the spot in front "
                                "of others can feel exposing and may stop them coming.",
                            },
                            {
                                "text": "Keep offering easy ways in, such as pairs or a "
                                "one-word round, and check in privately about how the group is "
                                "for them.",
                                "correct": True,
                                "feedback": "Yes. This respects their pace and leaves the "
                                "choice with them.",
                            },
                            {
                                "text": "Suggest that a group may not be right for them.",
                                "correct": False,
                                "feedback": "Listening is a valid way to take part. Offer "
                                "one-to-one support if they want it, but don't push them out.",
                            },
                        ],
                        "explanation": "Many people get a lot from a group long before they "
                        "speak. Make speaking easy and optional, and find out privately what "
                        "would help.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "content_warning",
                        "title": "suicide",
                        "text": "<p>The rest of this lesson discusses a group member talking "
                        "about suicidal thoughts during a session, and how to respond.</p>",
                    },
                ),
                ("heading", {"text": "A member in crisis during a session", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Sometimes a member says something that tells you they are in real "
                    "danger, such as “I don't see the point of carrying on.” Don't move past it. "
                    "Acknowledge it calmly in the room, and then, ideally, one facilitator "
                    "steps out with the person while the other carries on with the group. "
                    "Ask directly whether they are thinking about suicide. Asking plainly does "
                    "not put the idea into someone's head, and it tells them you can hear the "
                    "answer. Follow your organisation's crisis procedure, and call emergency "
                    "services if there is immediate danger.</p>"
                    "<p>Afterwards, look after the group. Members may be shaken or feel "
                    "responsible. Without sharing details, let them know the person is being "
                    "supported, remind them of the agreement and of where they can get support "
                    "themselves, and debrief with your co-facilitator and supervisor the same "
                    "day.</p>",
                ),
            ],
        },
        {
            "title": "Co-facilitation, debriefing and professional input",
            "slug": "co-facilitation-and-oversight",
            "summary": (
                "Why two facilitators are safer than one, how to debrief after every session, "
                "and how to recognise when a peer group needs professional input."
            ),
            "estimated_minutes": 60,
            "body": [
                ("heading", {"text": "Two facilitators are safer than one", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Co-facilitation is more than sharing the load. While one of you leads, "
                    "the other watches the room and notices who has gone quiet or who is "
                    "struggling. One of you can step out with someone in distress while the "
                    "group carries on. Two facilitators also show members what respectful "
                    "collaboration looks like, cover for each other's absences, and see the "
                    "same session from two angles.</p>"
                    "<p>It only works if you plan it. Before each session, agree:</p>"
                    "<ul>"
                    "<li>who opens, who closes and who keeps time;</li>"
                    "<li>a signal for “I'm going to step in” or “can you take over?”;</li>"
                    "<li>who goes with a member who needs to leave the room;</li>"
                    "<li>that you never argue with each other in front of the group, and "
                    "raise disagreements afterwards instead.</li>"
                    "</ul>",
                ),
                ("heading", {"text": "Debriefing after every session", "level": "h2"}),
                (
                    "paragraph",
                    "<p>A short debrief straight after the group is one of the most protective "
                    "habits you can build. It catches safety concerns while they are fresh, "
                    "sorts out who will follow up on what, and gives you both a chance to put "
                    "the session down before going home. Groups stir up your own history; a "
                    "debrief is part of looking after your own recovery too.</p>"
                    "<p>Record what your organisation requires, factually and without "
                    "unnecessary personal detail about members.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "A five-question debrief",
                        "text": "<ol><li>What happened tonight?</li>"
                        "<li>How are each of us feeling now?</li>"
                        "<li>Are there any safety concerns, and who will follow them up, "
                        "by when?</li>"
                        "<li>What do we need to take to supervision?</li>"
                        "<li>What will we do differently next time?</li></ol>",
                    },
                ),
                ("heading", {"text": "When a group needs professional input", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Many peer-led groups run without a clinician in the room, and that is "
                    "part of their value. But a lack of oversight carries real risks. "
                    "<b>Misinformation</b> can spread: a member tells others to stop their "
                    "medication suddenly, to detox alone at home, or that a supplement cures "
                    "depression. <b>Safety concerns can go unaddressed</b>: someone talks week "
                    "after week about hopelessness, mentions violence at home, or is visibly "
                    "getting physically unwell, and nobody acts. And <b>facilitators can burn "
                    "out</b> without anyone noticing.</p>"
                    "<p>Signs your group needs more support include repeated crises, members "
                    "whose needs are beyond what peer support can offer, disclosures of risk, "
                    "conflicts you cannot resolve, misinformation taking hold, and you feeling "
                    "out of your depth.</p>"
                    "<p>Professional input can take many forms: regular supervision for "
                    "facilitators, a clear route for referring members to clinical services, "
                    "an agreed escalation procedure, or a guest to cover a specific topic, "
                    "such as a pharmacist explaining naloxone or a benefits adviser. None of "
                    "this makes a group less peer-led.</p>",
                ),
                ("heading", {"text": "Correcting misinformation in the room", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Don't humiliate the person who said it, but don't let it stand either. "
                    "Acknowledge their experience, then add the safety information and point to "
                    "the right person: “I'm glad that worked for you. I'd just add that stopping "
                    "some medications suddenly can be risky, so if anyone's thinking about it, "
                    "please talk it through with whoever prescribes it first.”</p>",
                ),
                (
                    "scenario",
                    {
                        "title": "Advice from an old hand",
                        "situation": "<p>Tony has been coming to the group for years and is "
                        "well liked. At the break you overhear him telling Beth, a newcomer "
                        "who is drinking heavily every day, that she should just stop at the "
                        "weekend like he did: “lock yourself in and sweat it out, it's the only "
                        "way you'll learn.” Beth looks relieved to have a plan. Stopping heavy "
                        "drinking suddenly can be medically dangerous for some people.</p>",
                        "questions": [
                            "Do you respond now, at the break, or later? Why?",
                            "What exactly would you say to Beth, and what would you say to Tony?",
                            "What information or service does Beth need linking to?",
                            "What would you bring to your debrief and to supervision?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": "Which of these is the clearest sign that a peer group "
                        "needs professional input?",
                        "options": [
                            {
                                "text": "Members disagree about which recovery pathway works best.",
                                "correct": False,
                                "feedback": "Disagreement is a normal part of group life and "
                                "can usually be worked through using the agreement.",
                            },
                            {
                                "text": "A member keeps mentioning hopelessness, and another "
                                "is telling people to stop their medication.",
                                "correct": True,
                                "feedback": "Yes. An unaddressed safety concern and spreading "
                                "misinformation are exactly the risks of too little "
                                "oversight.",
                            },
                            {
                                "text": "Attendance dipped over the summer holidays.",
                                "correct": False,
                                "feedback": "Worth thinking about for access and timing, but "
                                "it isn't a sign the group needs clinical input.",
                            },
                        ],
                        "explanation": "Peer groups don't need a professional in every "
                        "session, but they need a route to one when safety or accurate "
                        "information is at stake.",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": "What support would you want in place before you facilitate "
                        "your first group? Think about a co-facilitator, supervision, a crisis "
                        "procedure and your own wellbeing.",
                        "guidance": "Write down who you would call if something went wrong "
                        "during a session, and what you would do for yourself afterwards. If "
                        "you don't know the answers yet, that is what to ask your supervisor.",
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
        "text": "Which of these belong in a peer group's confidentiality agreement? Choose all "
        "that apply.",
        "options": [
            {
                "text": "Names, stories and who attends are not repeated outside the group.",
                "correct": True,
                "feedback": "Correct. This is the heart of the agreement.",
            },
            {
                "text": "No recordings, photos or screenshots, especially in online sessions.",
                "correct": True,
                "feedback": "Correct. Online groups make this easy to break without thinking, "
                "so it needs saying.",
            },
            {
                "text": "The facilitator's limits when someone's life or a child's safety is at "
                "serious risk.",
                "correct": True,
                "feedback": "Correct. Stating the limits at the start is what makes the "
                "agreement honest.",
            },
            {
                "text": "Members must never acknowledge each other outside the group.",
                "correct": False,
                "feedback": "Too rigid. The usual agreement is to let the other person choose "
                "whether to say hello.",
            },
            {
                "text": "A promise from the facilitator that nothing said will ever leave the "
                "room.",
                "correct": False,
                "feedback": "You can't make that promise: you have limits around serious risk, "
                "and you can't control every member.",
            },
        ],
        "explanation": "A good confidentiality agreement is explicit, agreed by the group, and "
        "honest about its limits, including the ones that apply to you as a worker.",
    },
    {
        "kind": "scenario",
        "vignette": "In your weekly recovery group, Neil often takes up half the session with "
        "his week. Two newer members haven't spoken for a month, and one tells you privately "
        "she's thinking of not coming back.",
        "text": "What is the best first step?",
        "options": [
            {
                "text": "Bring in a structured round with a fair share of time for everyone, "
                "interrupt warmly when needed, and have a private, curious word with Neil.",
                "correct": True,
                "feedback": "Yes. Structure protects everyone's time, and the private "
                "conversation treats Neil as a person with needs rather than a problem.",
            },
            {
                "text": "Say nothing for now. Neil is clearly struggling and needs the space.",
                "correct": False,
                "feedback": "Neil's needs matter, but leaving it means losing other members. "
                "You can care about Neil and still protect the group.",
            },
            {
                "text": "Tell Neil in front of the group that he's talking too much.",
                "correct": False,
                "feedback": "Public criticism shames Neil and makes everyone feel less safe. "
                "Use structure first and a private word after.",
            },
            {
                "text": "Ask Neil to stop attending until he has had some one-to-one support.",
                "correct": False,
                "feedback": "Offering one-to-one support may well help, but excluding him is a "
                "big step before lighter responses have been tried.",
            },
        ],
        "explanation": "Use the lightest response that works: structure, then a gentle "
        "interruption, then a private conversation. Address the behaviour without shaming the "
        "person.",
    },
    {
        "kind": "scenario",
        "vignette": "Dean arrives at the evening group smelling strongly of alcohol and slurring "
        "his words. He says he needs the group tonight more than ever. Your organisation's "
        "policy is that members can't take part while intoxicated.",
        "text": "What should you do?",
        "options": [
            {
                "text": "Let him join, because turning him away could make things worse.",
                "correct": False,
                "feedback": "The concern is understandable, but it goes against the agreement, "
                "may unsettle members in early recovery, and doesn't deal with his immediate "
                "safety.",
            },
            {
                "text": "Speak to him privately, check he is physically safe, explain he can't "
                "join tonight, and make sure he knows he's welcome back and how to get support "
                "before then.",
                "correct": True,
                "feedback": "Yes. Safety first, dignity always, and the door stays open.",
            },
            {
                "text": "Remind him of the rule in front of the group so everyone sees it "
                "applied fairly.",
                "correct": False,
                "feedback": "Consistency matters, but doing it publicly shames him. The "
                "conversation belongs outside the room.",
            },
            {
                "text": "Ask him to leave and carry on with the session.",
                "correct": False,
                "feedback": "This skips checking he is safe, for example whether he has mixed "
                "substances, and leaves him with nothing to hold on to.",
            },
        ],
        "explanation": "An intoxicated member is a safety and dignity issue, not a discipline "
        "issue. Handle it privately, check for physical risk, and make it clear they are "
        "welcome back.",
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "If members start arguing about the group's rules a few sessions in, the group "
        "is failing and should be restarted.",
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": "Tension a few sessions in is a normal stage of group life, not a "
                "sign of failure.",
            },
            {
                "text": "False",
                "correct": True,
                "feedback": "Correct. Working through early conflict is how a group develops "
                "its own norms.",
            },
        ],
        "explanation": "Groups often go through a stormy stage. Name it, go back to purpose and "
        "agreement, and let the group revise its rules if it needs to.",
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "Someone says they would like peer support but can't face a group. What is the "
        "best response?",
        "options": [
            {
                "text": "Explain that the group is where the real benefit comes from, and "
                "encourage them to try one session.",
                "correct": False,
                "feedback": "This puts your preference above theirs. Reluctance to share in a "
                "group is common and isn't resistance to recovery.",
            },
            {
                "text": "Offer one-to-one peer support, and let them know the group is there "
                "if they ever want to come and just listen.",
                "correct": True,
                "feedback": "Yes. Support is never conditional on joining a group, and the "
                "option stays open on their terms.",
            },
            {
                "text": "Add them to the group list so a place is held for them.",
                "correct": False,
                "feedback": "This quietly ignores what they told you. Ask, don't assume.",
            },
        ],
        "explanation": "Groups don't suit everyone. Offering one-to-one support is part of "
        "making peer support accessible.",
    },
    {
        "kind": "scenario",
        "vignette": "In an online peer group, a member says she stopped her antidepressants "
        "overnight because they “just numbed her”, and she feels great. Two other members say "
        "they're thinking of doing the same.",
        "text": "What is the most appropriate response as facilitator?",
        "options": [
            {
                "text": "Say nothing. It is her experience, and the group is non-judgemental.",
                "correct": False,
                "feedback": "Non-judgement doesn't mean letting risky misinformation spread "
                "unchallenged, especially when others are about to act on it.",
            },
            {
                "text": "Tell her she was wrong to stop and that her doctor should have been "
                "consulted.",
                "correct": False,
                "feedback": "The safety point is right, but telling her off in front of the "
                "group shames her and discourages honest sharing.",
            },
            {
                "text": "Acknowledge her experience, then say that stopping some medications "
                "suddenly can be risky and encourage anyone thinking about it to talk to "
                "their prescriber first.",
                "correct": True,
                "feedback": "Yes. This respects her and corrects the risk without making you "
                "the prescriber.",
            },
            {
                "text": "Give the group your own advice on how to reduce antidepressants safely.",
                "correct": False,
                "feedback": "That is outside a peer worker's role. Point people to the "
                "professional who prescribes.",
            },
        ],
        "explanation": "Misinformation is one of the real risks of groups without professional "
        "oversight. Correct it kindly and link people to the right professional.",
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "Members with long-term abstinence-based recovery often speak as if their way "
        "is the only way, and members on medication have gone quiet. What does this most "
        "likely show?",
        "options": [
            {
                "text": "A power imbalance, which you can address by inviting newer voices "
                "first and restating that all pathways are welcome.",
                "correct": True,
                "feedback": "Yes. Length of recovery and pathway can quietly give some voices "
                "more weight than others.",
            },
            {
                "text": "Members on medication are less committed, so they have less to say.",
                "correct": False,
                "feedback": "This is the judgement the group agreement exists to prevent.",
            },
            {
                "text": "A healthy sign that experienced members are mentoring newer ones.",
                "correct": False,
                "feedback": "Mentoring is valuable, but not when it silences people whose "
                "pathway is different.",
            },
        ],
        "explanation": "Power imbalances often come from status inside the group, not only from "
        "outside. Notice who goes quiet and rebalance who speaks.",
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "What is the main purpose of a debrief with your co-facilitator after each "
        "session?",
        "options": [
            {
                "text": "To review what happened, check how you both are, agree who follows up "
                "any safety concerns, and note what to take to supervision.",
                "correct": True,
                "feedback": "Yes. It protects the members and it protects you.",
            },
            {
                "text": "To write down in detail what each member said, for the records.",
                "correct": False,
                "feedback": "Records should be factual and no more detailed than your "
                "organisation requires. Detailed notes of shares undermine confidentiality.",
            },
            {
                "text": "To decide which members are making progress and which are not.",
                "correct": False,
                "feedback": "Judging members' progress is not the aim, and doing it can undermine "
                "the non-judgemental spirit of the group.",
            },
        ],
        "explanation": "Debriefing catches safety concerns early, divides up follow-up, and "
        "gives facilitators a place to set down what the session stirred up.",
    },
]
