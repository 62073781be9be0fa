MODULE = {
    "title": "Boundaries",
    "slug": "boundaries",
    "domain": "ethical-responsibility",
    "training_hours": 6,
    "summary": (
        "Why boundaries keep both you and the people you support safe, how to handle dual "
        "relationships and awkward invitations without rejecting anyone, and what to do when a "
        "boundary slips."
    ),
    "objectives": [
        (
            "Explain why boundaries protect both the peer worker and the person supported, "
            "including the power difference that exists even in a mutual relationship."
        ),
        (
            "Recognise dual relationships — friendship, romance, money, gifts, social media "
            "and shared recovery meetings — and respond to them in line with your code of "
            "ethics."
        ),
        "Decline a request warmly and clearly while keeping the working relationship intact.",
        "Set clear expectations about self-disclosure, physical contact and availability.",
        "Describe what to do when a boundary slips, starting with telling your supervisor.",
    ],
    "lessons": [
        {
            "title": "Why boundaries protect both people",
            "slug": "why-boundaries-matter",
            "summary": (
                "Boundaries are what make a close, mutual relationship safe; this lesson looks "
                "at what they protect and at the power difference you hold even as a peer."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Boundaries are not walls", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Many people come into peer work wary of the word “boundaries”. "
                        "They may remember professionals who hid behind them: the worker who "
                        "would never say anything personal, who ended sessions on the dot, who "
                        "seemed to care more about the rules than about them. You may have "
                        "promised yourself you would never be like that.</p>"
                        "<p>Good boundaries are not walls. They are the edges of the "
                        "relationship that let it be close without becoming confusing or "
                        "harmful. A boundary tells both of you what this relationship is for, "
                        "what you can expect from each other and what you cannot. Peer support "
                        "is more informal than most services, and that makes boundaries more "
                        "important, not less: there are fewer built-in structures to lean on, "
                        "so you have to hold the shape yourself.</p>"
                    ),
                ),
                ("heading", {"text": "What boundaries protect", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p><b>They protect the person you support.</b> People often come to "
                        "peer support at a vulnerable time. They may be lonely, in crisis, or "
                        "used to relationships in which others took advantage of them. A clear "
                        "relationship means they do not have to wonder what you want from "
                        "them, whether they owe you anything, or what will happen if they say "
                        "no to you.</p>"
                        "<p><b>They protect you.</b> Peer work draws on your own history, and "
                        "it can stir it up. Without limits on your time, your personal phone "
                        "and your emotional energy, you can burn out quickly, and for someone "
                        "in recovery burnout can put your own wellbeing at risk. Clear "
                        "boundaries also protect you from the misunderstandings and complaints "
                        "that grow out of an unclear relationship.</p>"
                        "<p><b>They protect the work.</b> When a relationship drifts into "
                        "friendship, it gets harder to be honest, to raise a concern, or to "
                        "end the support when the time comes. Other people you support notice "
                        "favouritism quickly, too.</p>"
                    ),
                ),
                (
                    "heading",
                    {"text": "The power difference in a mutual relationship", "level": "h2"},
                ),
                (
                    "paragraph",
                    (
                        "<p>Mutuality is at the heart of peer support, and it is real: you "
                        "meet as equals in experience. But it would be naive to pretend there "
                        "is no difference in power. Think about what you hold that the person "
                        "does not:</p>"
                        "<ul>"
                        "<li>The relationship is your job, paid or formally volunteered; for "
                        "them it may be a lifeline.</li>"
                        "<li>You write notes about them and sit in meetings where they are "
                        "discussed, and your view may carry weight in decisions about their "
                        "care, housing or support.</li>"
                        "<li>You know a great deal about their life; they know the parts of "
                        "your story you chose to share.</li>"
                        "<li>You can end the relationship, change jobs or go on leave; they "
                        "often cannot choose their peer worker.</li>"
                        "<li>They may see you as proof that recovery is possible, and want "
                        "your approval.</li>"
                        "</ul>"
                        "<p>None of this cancels out mutuality. It means that the "
                        "responsibility for holding boundaries sits with you, not with them. "
                        "If a person you support asks you out, offers to lend you money or "
                        "sends you a friend request, they have done nothing wrong. Keeping the "
                        "relationship safe is your job.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "The responsibility is yours",
                        "text": (
                            "<p>Whatever the person suggests or asks, it is the peer worker's "
                            "job to keep the relationship within its purpose. That is what the "
                            "power difference means in practice.</p>"
                        ),
                    },
                ),
                (
                    "story",
                    {
                        "quote": (
                            "Early on I gave a man I was supporting my own number, because the "
                            "office phone went to voicemail at five and I didn't want him "
                            "stuck. Within a month he was texting me at midnight, and I was "
                            "answering, because I remembered being that person. Then I started "
                            "dreading my phone. When I finally took it to supervision, my "
                            "supervisor said, 'You weren't being kind, you were being the only "
                            "one.' We set up proper out-of-hours options together and "
                            "explained why. He was fine. I was the one who'd needed the "
                            "boundary."
                        ),
                        "attribution": "Rosa, peer support worker",
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
                            "Why does the main responsibility for keeping boundaries sit with "
                            "the peer worker rather than with the person being supported?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Because the peer worker holds more power in the "
                                    "relationship: a role, notes, influence with the team and "
                                    "the ability to end it."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Mutuality is real, but so is the difference in role "
                                    "and power, and responsibility follows power."
                                ),
                            },
                            {
                                "text": (
                                    "Because people receiving support cannot be trusted to "
                                    "manage relationships."
                                ),
                                "correct": False,
                                "feedback": (
                                    "This is a stigmatising assumption. The point is about "
                                    "roles, not about anyone's capacity."
                                ),
                            },
                            {
                                "text": (
                                    "Because the peer worker's employer will be blamed if "
                                    "something goes wrong."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Employers do care, but that is not the core reason. "
                                    "Boundaries exist to protect the person and the work."
                                ),
                            },
                        ],
                        "explanation": (
                            "Even in a mutual relationship, the peer worker holds a role with "
                            "power attached. That is why holding the boundary is always the "
                            "worker's responsibility."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Dual relationships",
            "slug": "dual-relationships",
            "summary": (
                "A dual relationship is any second connection alongside the peer role; this "
                "lesson works through friendship, romance, money, gifts, social media and "
                "shared recovery meetings."
            ),
            "estimated_minutes": 40,
            "body": [
                ("heading", {"text": "What is a dual relationship?", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>A dual relationship exists when you have another connection with a "
                        "person you support on top of the peer relationship. You might be "
                        "friends, neighbours, relatives, romantic partners, members of the "
                        "same fellowship, or connected online. Some dual relationships can be "
                        "avoided and should be. Others cannot, especially in small towns and "
                        "close recovery communities, and need to be managed openly.</p>"
                        "<p>The useful question is not “Is there any other connection?” but "
                        "“Could this connection affect my judgement, confuse the person about "
                        "what our relationship is, or put them at risk of harm or "
                        "exploitation?” If the answer might be yes, it belongs in "
                        "supervision.</p>"
                    ),
                ),
                ("heading", {"text": "Friendship", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>Friendship is the dual relationship peer workers are most often "
                        "drawn into, because peer support can feel so much like it. You may "
                        "genuinely like the person, and they may like you. But friendship "
                        "brings expectations — being there at any hour, taking sides, sharing "
                        "your own troubles — that sit badly with a relationship built around "
                        "their recovery. If you already know someone socially when they are "
                        "referred to you, tell your supervisor; often the best answer is for a "
                        "colleague to work with them.</p>"
                    ),
                ),
                ("heading", {"text": "Dating and sexual relationships", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>A romantic or sexual relationship with a person you support is "
                        "never acceptable. Peer codes of ethics prohibit it, and many extend "
                        "the prohibition for a period after the working relationship ends, so "
                        "check what yours says. Noticing attraction, in either direction, is "
                        "human and not a failing in itself; it is exactly the kind of thing to "
                        "take to supervision straight away.</p>"
                    ),
                ),
                ("heading", {"text": "Money, gifts and social media", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p><b>Money.</b> Do not lend to, borrow from, buy from or sell to a "
                        "person you support. Even small sums change a relationship: a debt in "
                        "either direction sits between you. If someone is short of money for "
                        "food or travel, help them reach the practical help your service or "
                        "local organisations offer.</p>"
                        "<p><b>Gifts.</b> These are a grey area, and cultures differ. A card "
                        "or a small home-made thank-you at the end of a piece of work is often "
                        "fine to accept, and refusing it can feel like rejection. Expensive "
                        "gifts, cash, gifts that come with an expectation, and repeated gifts "
                        "are different. Follow your organisation's policy, tell your "
                        "supervisor about any gift you accept, and if you need to decline, "
                        "thank the person for the thought first.</p>"
                        "<p><b>Social media.</b> Do not friend, follow or message people you "
                        "support from your personal accounts, and think about what is public "
                        "on your profiles. If a friend request arrives, do not simply ignore "
                        "it; mention it kindly at your next meeting: “I saw your request, "
                        "thank you. I keep my personal accounts separate from work with "
                        "everyone I support, so I won't accept it, but it's not about you.”</p>"
                    ),
                ),
                ("heading", {"text": "Shared recovery meetings and fellowships", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>This is where peer work gets most complicated. Your own recovery "
                        "may rest on mutual aid meetings, and the person you support may start "
                        "going to the same ones; in a small place there may be only one. You "
                        "should not have to give up your recovery support, and neither should "
                        "they. Talk it through with your supervisor and, where you can, with "
                        "the person. You might agree how you will greet each other, think "
                        "carefully about what you share when they are in the room, choose "
                        "different meetings where there is a choice, and make clear that you "
                        "cannot also be their sponsor. Whatever you agree, name it openly "
                        "rather than hoping it will not come up.</p>"
                    ),
                ),
                (
                    "scenario",
                    {
                        "title": "An invitation for coffee",
                        "situation": (
                            "<p>You have been meeting Dani for three months. She has had a "
                            "hard winter and is starting to do well: she has a part-time job "
                            "and has joined a walking group. At the end of today's session she "
                            "says, a little shyly: “I was thinking, now things are better, we "
                            "could just meet for coffee at the weekend. As friends. You're the "
                            "only person who really gets me.”</p>"
                        ),
                        "questions": [
                            (
                                "What might be behind Dani's invitation, and what does it tell "
                                "you about how the work is going?"
                            ),
                            "What are the risks to Dani, and to you, if you say yes?",
                            (
                                "What exactly would you say to her, and what could you offer "
                                "instead?"
                            ),
                            "What would you take to supervision afterwards?",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Name dual relationships early",
                        "text": (
                            "<p>At the start of any new peer relationship, ask yourself: do I "
                            "know this person, or the people close to them, from anywhere "
                            "else? If you do, tell your supervisor before the first meeting, "
                            "not after the third.</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "You find out that a man you have just started supporting goes to "
                            "the same recovery meeting you have attended every week for years. "
                            "What is the best first step?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Stop going to the meeting, since his recovery comes first."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Your recovery matters too. Quietly giving up your own "
                                    "support is not sustainable, and it leaves the dual "
                                    "relationship unspoken."
                                ),
                            },
                            {
                                "text": "Say nothing and hope it does not come up.",
                                "correct": False,
                                "feedback": (
                                    "It will come up. Unnamed dual relationships are the ones "
                                    "that cause confusion."
                                ),
                            },
                            {
                                "text": (
                                    "Raise it with your supervisor and, with him, agree how "
                                    "you will both handle the shared meeting."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. Naming it openly lets you both keep your recovery "
                                    "supports while protecting the peer relationship."
                                ),
                            },
                            {
                                "text": (
                                    "Offer to be his sponsor, since you already know each "
                                    "other from the meeting."
                                ),
                                "correct": False,
                                "feedback": (
                                    "This deepens the dual relationship. Sponsor and peer "
                                    "worker are different roles that should not be combined."
                                ),
                            },
                        ],
                        "explanation": (
                            "Some dual relationships cannot be avoided, especially in recovery "
                            "communities. They become manageable when they are named early and "
                            "handled openly with the person and your supervisor."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Saying no warmly, and the everyday limits",
            "slug": "saying-no-warmly",
            "summary": (
                "How to decline a request without rejecting the person, and how to set clear "
                "limits on self-disclosure, physical contact and availability."
            ),
            "estimated_minutes": 35,
            "body": [
                ("heading", {"text": "Saying no without rejecting the person", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Most boundary moments are not dramatic. They are a coffee "
                        "invitation, a request for your number, a hug at the end of a session. "
                        "What matters most is how you respond. A flustered “I'm not allowed "
                        "to” can land as rejection, and people in recovery have often had "
                        "plenty of that. A warm, clear no can actually strengthen the "
                        "relationship.</p>"
                        "<p>A useful shape has four parts:</p>"
                        "<ol>"
                        "<li><b>Acknowledge what is behind the request.</b> It is usually "
                        "something good: trust, gratitude, a wish for connection.</li>"
                        "<li><b>State the boundary as part of your role, not a judgement of "
                        "them.</b> “That's how I work with everyone I support” takes the "
                        "personal sting out.</li>"
                        "<li><b>Say what you can do.</b> Keep the door open within the "
                        "relationship.</li>"
                        "<li><b>Look at the underlying need together.</b> If they want company "
                        "and friendship, that is a goal worth working on.</li>"
                        "</ol>"
                        "<p>For a coffee invitation, it might sound like this: “I'm really "
                        "touched you asked, and it means a lot that you feel I get you. I "
                        "don't meet people I support as friends outside work. It's how I keep "
                        "things safe and fair for everyone, and it's not about you. I'm still "
                        "here for our sessions. And it sounds like having people to get a "
                        "coffee with at the weekend is something you'd like more of. Shall we "
                        "think about that together?”</p>"
                        "<p>You do not need to say it perfectly, but you do need to say it "
                        "clearly. A vague “maybe sometime” leaves the person hoping and makes "
                        "the next conversation harder.</p>"
                    ),
                ),
                ("heading", {"text": "Self-disclosure", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Sharing your experience is central to peer work, and the next "
                        "module is devoted to it. The boundary point is simple: disclose with "
                        "purpose, briefly, and only what you are comfortable having known. "
                        "Some things stay out whatever the moment: your current relationships, "
                        "your finances, where you live, things you have not yet worked "
                        "through, and anything you are sharing because <i>you</i> need to. If "
                        "you notice you are telling someone about your week because you need "
                        "to offload, take that need to your own supports.</p>"
                    ),
                ),
                ("heading", {"text": "Physical contact", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Touch means very different things to different people. For someone "
                        "with a history of trauma, an unexpected hand on the shoulder can be "
                        "frightening; for someone else, a refused hug can feel like "
                        "rejection.</p>"
                        "<ul>"
                        "<li>Do not initiate touch. Let the person lead, and ask if you are "
                        "unsure: “Would a hug be okay, or would you rather not?”</li>"
                        "<li>If someone is upset, offer presence and words first: sit nearby, "
                        "offer a tissue, say “Take your time.”</li>"
                        "<li>You can decline a hug kindly: “I'm more of a handshake person, "
                        "but I really appreciate it.”</li>"
                        "<li>Keep any contact brief and clearly non-sexual, such as a "
                        "handshake or a quick hug the person has asked for. Anything more is "
                        "off-limits.</li>"
                        "<li>Be aware of cultural differences and of your organisation's "
                        "guidance.</li>"
                        "</ul>"
                    ),
                ),
                ("heading", {"text": "Availability and out-of-hours contact", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer workers often want to be there for people in a way nobody was "
                        "for them. That is a strength, but availability without limits does "
                        "not last. Set expectations at the start: when you work, how to reach "
                        "you, how quickly you will reply and what to do outside those times. "
                        "Use a work phone and work accounts, never your personal ones. Make "
                        "sure the person knows the out-of-hours and crisis options your "
                        "service provides, and go through them together before they are "
                        "needed.</p>"
                        "<p>If someone contacts you out of hours anyway, do not punish them "
                        "for it. Reply during working hours and gently remind them of the "
                        "arrangement. Agree with your supervisor in advance what you should do "
                        "if you do see an urgent message out of hours, for example one "
                        "suggesting someone is in immediate danger, so that you are not "
                        "deciding alone at midnight.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Rehearse your lines",
                        "text": (
                            "<p>Boundary conversations are much easier if you have said the "
                            "words out loud before. Practise your own version of “That's how I "
                            "work with everyone” with a colleague or in supervision until it "
                            "sounds like you.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Which boundary do you expect to find hardest to hold: time, "
                            "contact, self-disclosure, touch, or something else? What in your "
                            "own history makes it hard?"
                        ),
                        "guidance": (
                            "Many peer workers find the hardest boundaries are the ones they "
                            "once wished others had crossed for them. Knowing your pressure "
                            "points in advance makes them easier to spot."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "At the end of a session, a man you support asks for your personal "
                            "mobile number “just in case”. What is the best response?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Give it to him, but ask him to use it only in emergencies."
                                ),
                                "correct": False,
                                "feedback": (
                                    "“Emergency” means different things to different people, "
                                    "and your personal phone is now on call indefinitely. You "
                                    "also cannot respond to real emergencies properly on your "
                                    "own."
                                ),
                            },
                            {
                                "text": (
                                    "Explain warmly that you only use your work phone during "
                                    "working hours, and go through together who he can contact "
                                    "at other times."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. A clear, kind limit plus a real alternative meets "
                                    "the need behind the request."
                                ),
                            },
                            {
                                "text": (
                                    "Tell him it is against the rules and move on to booking "
                                    "the next session."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Quoting rules and moving on can feel like rejection, and "
                                    "the need behind his request is still there."
                                ),
                            },
                        ],
                        "explanation": (
                            "Behind most requests that cross a boundary is a real need. Hold "
                            "the limit warmly, then help the person meet the need in a way "
                            "that will last."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "When a boundary slips",
            "slug": "when-a-boundary-slips",
            "summary": (
                "Everyone's boundaries slip sometimes; this lesson covers the warning signs, "
                "the difference between a crossing and a violation, and why you tell your "
                "supervisor."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Slips happen", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Nobody holds every boundary perfectly. You will run over time "
                        "because someone was in a bad way. You will share more than you meant "
                        "to. You will answer a message on a Sunday. Most of these slips are "
                        "small and easily put right. What turns a small slip into a serious "
                        "problem is usually not the slip itself but the secrecy that grows "
                        "around it.</p>"
                    ),
                ),
                ("heading", {"text": "Crossings and violations", "level": "h3"}),
                (
                    "paragraph",
                    (
                        "<p>It helps to tell a boundary <b>crossing</b> from a boundary "
                        "<b>violation</b>. A crossing is a step outside the usual limits that "
                        "may be harmless or even helpful: staying with someone at a hospital "
                        "appointment that runs late, or accepting a small thank-you card. A "
                        "violation harms or exploits the person, or puts your interests before "
                        "theirs: a sexual relationship, borrowing money, using their story "
                        "without consent. Crossings still need thought, because several small "
                        "crossings in the same direction are often how violations begin.</p>"
                    ),
                ),
                ("heading", {"text": "Warning signs in yourself", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>The earliest signs that a boundary is slipping are usually inside "
                        "you, not in the person. Watch for:</p>"
                        "<ul>"
                        "<li>thinking about one person a lot when you are off duty;</li>"
                        "<li>feeling that only you really understand them, or that they are "
                        "special;</li>"
                        "<li>giving one person more time, more contact or more of yourself "
                        "than others;</li>"
                        "<li>not wanting your supervisor or colleagues to know about something "
                        "you have done;</li>"
                        "<li>looking forward to their messages, or feeling hurt when they need "
                        "you less;</li>"
                        "<li>resentment, dread or exhaustion when you see their name.</li>"
                        "</ul>"
                        "<p>The fourth sign matters most. If you catch yourself thinking “I "
                        "won't mention this in supervision”, that is precisely what to "
                        "mention.</p>"
                    ),
                ),
                ("heading", {"text": "What to do", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<ol>"
                        "<li><b>Tell your supervisor, soon.</b> Do not wait until you have "
                        "sorted it out. Supervision exists for exactly this, and a good "
                        "supervisor would far rather hear about a slip early than discover it "
                        "later. Telling them is a sign of good practice, not of failure.</li>"
                        "<li><b>Record it</b> as your organisation requires: factually, and in "
                        "the proper record rather than in personal notes.</li>"
                        "<li><b>Plan the repair together.</b> Usually this means an honest "
                        "conversation that restores the boundary without blaming the person: "
                        "“I've realised I've been replying to your messages late at night. "
                        "That isn't fair on you, because I can't always do it. From now "
                        "on…”</li>"
                        "<li><b>Look after yourself.</b> A slip often means you were tired, "
                        "stretched or stirred up. Check your own supports and your "
                        "workload.</li>"
                        "<li><b>Learn from it.</b> What would help you notice sooner next "
                        "time?</li>"
                        "</ol>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Secrecy is the real warning sign",
                        "text": (
                            "<p>A boundary that slipped and was brought to supervision is part "
                            "of learning. A boundary that slipped and was hidden is how people "
                            "get hurt and how careers end.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "The evening messages",
                        "situation": (
                            "<p>Over the past month, you and Tom, who you support, have "
                            "started messaging on your personal phone. It began when he sent a "
                            "photo of his first week's wages and you replied with "
                            "congratulations. Now you message most evenings. He is doing well "
                            "and you enjoy the chats. You have not mentioned it in supervision "
                            "because you worry it will look bad, and you do not want Tom to "
                            "feel dropped.</p>"
                        ),
                        "questions": [
                            "Which of the warning signs can you see here?",
                            (
                                "What would you say to your supervisor, and what are you "
                                "afraid they will say?"
                            ),
                            (
                                "How could you restore the boundary without Tom feeling "
                                "punished for doing well?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think of a time, at work, as a volunteer or in your own recovery, "
                            "when someone's boundaries with you were unclear. How did it feel "
                            "then, and how does it look now?"
                        ),
                        "guidance": (
                            "You may have experiences on both sides: times when someone kept "
                            "you at arm's length, and times when someone got too close. Both "
                            "can teach you something about the peer worker you want to be."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Which of these is the clearest sign that you should raise a "
                            "working relationship in supervision straight away?"
                        ),
                        "options": [
                            {
                                "text": "You find the person you support easy to talk to.",
                                "correct": False,
                                "feedback": (
                                    "Rapport is a good thing. On its own it is not a warning sign."
                                ),
                            },
                            {
                                "text": (
                                    "You notice you do not want your supervisor to know about "
                                    "something you have done with them."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. The wish to keep something out of supervision is the "
                                    "strongest signal that it needs to go there."
                                ),
                            },
                            {
                                "text": "The person thanks you at the end of a session.",
                                "correct": False,
                                "feedback": "Gratitude is normal and welcome.",
                            },
                        ],
                        "explanation": (
                            "Slips become harmful when they are hidden. Bring them to "
                            "supervision early, while they are still small and easy to repair."
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
            "You have supported Dani for three months, and she is doing much better. At the "
            "end of a session she says: “Now things are good, we could meet for coffee at the "
            "weekend, just as friends. You're the only one who gets me.”"
        ),
        "text": "What is the best response?",
        "options": [
            {
                "text": (
                    "Thank her warmly, explain that you don't meet anyone you support as a "
                    "friend outside work and that it isn't about her, and suggest you look "
                    "together at how she could build more weekend company."
                ),
                "correct": True,
                "feedback": (
                    "Yes. You hold the boundary clearly, protect her from feeling rejected, "
                    "and turn towards the real need behind the invitation."
                ),
            },
            {
                "text": (
                    "Agree to one coffee, since she is doing well and the work will be ending "
                    "soon anyway."
                ),
                "correct": False,
                "feedback": (
                    "Doing well does not remove the power difference. Meeting as friends blurs "
                    "the role, makes it harder to raise concerns and makes the ending harder "
                    "for her."
                ),
            },
            {
                "text": (
                    "Tell her it is against the rules and move on to booking the next session."
                ),
                "correct": False,
                "feedback": (
                    "The boundary is right, but delivered like this it can feel like "
                    "rejection, and it ignores what she is telling you about her need for "
                    "connection."
                ),
            },
            {
                "text": "Say “Maybe sometime” so that she doesn't feel rejected.",
                "correct": False,
                "feedback": (
                    "A vague answer leaves her hoping, and the conversation will be harder "
                    "when it comes back."
                ),
            },
        ],
        "explanation": (
            "A warm, clear no keeps the relationship safe and can strengthen it. Acknowledge "
            "what lies behind the request, state the boundary as part of your role, and work "
            "on the underlying need together."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "At your final session with Ahmed, whom you have supported for six months, he "
            "gives you a card and an expensive-looking watch. He says he saved up for it and "
            "will be hurt if you refuse."
        ),
        "text": "What should you do?",
        "options": [
            {
                "text": (
                    "Thank him sincerely, accept the card, explain kindly that you can't "
                    "accept the watch because of how you work with everyone, and tell your "
                    "supervisor about both."
                ),
                "correct": True,
                "feedback": (
                    "Yes. A card is usually fine; an expensive gift is not. Declining with "
                    "thanks and telling your supervisor keeps everything open."
                ),
            },
            {
                "text": (
                    "Accept both, since refusing would hurt him and the work is ending anyway."
                ),
                "correct": False,
                "feedback": (
                    "An expensive gift creates an obligation, and it cost him a lot. Ending "
                    "the work does not change your code of ethics or your organisation's "
                    "policy."
                ),
            },
            {
                "text": (
                    "Accept the watch but keep it to yourself, so that he doesn't get into any "
                    "trouble."
                ),
                "correct": False,
                "feedback": (
                    "Keeping a gift secret is a warning sign in itself. Any gift you accept "
                    "should be known to your supervisor."
                ),
            },
            {
                "text": "Refuse both the card and the watch, to be safe.",
                "correct": False,
                "feedback": (
                    "Refusing a simple card can feel like rejecting him. Small tokens of "
                    "thanks are usually acceptable under organisational policies."
                ),
            },
        ],
        "explanation": (
            "Gifts are a grey area. Small, one-off tokens of thanks are often fine; valuable "
            "gifts, cash and repeated gifts are not. Decline kindly, and be open with your "
            "supervisor either way."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "On a Saturday evening, a woman you support sends a friend request to your "
            "personal social media account. She has told you before that she does not have "
            "many people to talk to."
        ),
        "text": "What is the best way to handle it?",
        "options": [
            {
                "text": (
                    "Don't accept it, and mention it kindly at your next session, explaining "
                    "that you keep personal accounts separate from everyone you support."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Talking about it openly prevents her from wondering whether she did "
                    "something wrong."
                ),
            },
            {
                "text": "Accept it, but stop posting anything personal.",
                "correct": False,
                "feedback": (
                    "This creates a dual relationship and gives her access to your friends, "
                    "history and life outside work."
                ),
            },
            {
                "text": "Ignore it and never mention it.",
                "correct": False,
                "feedback": (
                    "Silence can feel like rejection and leaves her guessing. A brief, kind "
                    "explanation is better for both of you."
                ),
            },
            {
                "text": "Block her straight away.",
                "correct": False,
                "feedback": (
                    "Blocking treats a natural request as an offence. She has done nothing "
                    "wrong; holding the boundary is your job."
                ),
            },
        ],
        "explanation": (
            "Keep personal social media separate from everyone you support, and name the "
            "boundary kindly rather than leaving silence to do the work."
        ),
    },
    {
        "kind": "multiple",
        "vignette": "",
        "text": (
            "Which of these give a peer worker more power in the relationship, even when it is "
            "mutual? Select all that apply."
        ),
        "options": [
            {
                "text": "Writing notes and contributing to team decisions about the person.",
                "correct": True,
                "feedback": "Yes. Your view can affect their care, housing or support.",
            },
            {
                "text": "Knowing far more about the person's life than they know about yours.",
                "correct": True,
                "feedback": "Yes. You chose what to share; they often shared much more.",
            },
            {
                "text": "Being able to end the relationship or move jobs.",
                "correct": True,
                "feedback": (
                    "Yes. The person usually cannot choose or replace their peer worker so easily."
                ),
            },
            {
                "text": "Having lived experience of mental health or substance use challenges.",
                "correct": False,
                "feedback": (
                    "Lived experience is shared by both of you. It is the basis of mutuality, "
                    "not a source of power over the person."
                ),
            },
        ],
        "explanation": (
            "Mutuality and a power difference exist side by side. Recognising the power you "
            "hold is what makes you responsible for the boundaries."
        ),
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": "If a person you support asks you out on a date, they have behaved unethically.",
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": (
                    "The person is not bound by your code of ethics, and feelings like this "
                    "are human. Treating them as in the wrong can cause shame."
                ),
            },
            {
                "text": "False",
                "correct": True,
                "feedback": (
                    "Right. They have done nothing wrong. It is your job to say no warmly and "
                    "clearly, and to take it to supervision."
                ),
            },
        ],
        "explanation": (
            "Responsibility for boundaries sits with the peer worker. A romantic relationship "
            "with someone you support is never acceptable, and it is up to you, not them, to "
            "keep that line."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": (
            "Over several weeks you have started giving one person much longer sessions than "
            "anyone else, and you find yourself thinking about them a lot at home. What should "
            "you do first?"
        ),
        "options": [
            {
                "text": "Bring it to supervision now, before deciding how to change things.",
                "correct": True,
                "feedback": (
                    "Yes. These are classic early warning signs, and supervision is the place "
                    "to make sense of them and plan a repair."
                ),
            },
            {
                "text": "Quietly shorten their sessions so nobody notices.",
                "correct": False,
                "feedback": (
                    "An unexplained change can confuse and hurt the person, and keeping it "
                    "quiet adds secrecy to the problem."
                ),
            },
            {
                "text": "Wait and see whether it settles down by itself.",
                "correct": False,
                "feedback": (
                    "Small crossings in the same direction tend to grow. Early is easier."
                ),
            },
            {
                "text": "Hand them over to a colleague without explanation.",
                "correct": False,
                "feedback": (
                    "An abrupt handover can feel like abandonment. If a change is needed, plan "
                    "it with your supervisor and explain it to the person."
                ),
            },
        ],
        "explanation": (
            "Warning signs usually show up in you before they show up in the relationship. "
            "Tell your supervisor early; it is a mark of good practice, not failure."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": "Which approach to physical contact best fits peer support practice?",
        "options": [
            {
                "text": (
                    "Let the person lead, ask if you are unsure, and keep any contact brief "
                    "and clearly non-sexual."
                ),
                "correct": True,
                "feedback": (
                    "Yes. This respects people's different histories and cultures, including "
                    "experiences of trauma."
                ),
            },
            {
                "text": "Offer a hug whenever someone is upset, because it shows you care.",
                "correct": False,
                "feedback": (
                    "For someone with a history of trauma, unexpected touch can be "
                    "frightening. Offer presence and words first."
                ),
            },
            {
                "text": "Never accept any physical contact, not even a handshake.",
                "correct": False,
                "feedback": (
                    "This is more rigid than most policies require, and refusing every gesture "
                    "can feel like rejection."
                ),
            },
        ],
        "explanation": (
            "Touch means different things to different people. Let the person lead, ask rather "
            "than assume, and follow your organisation's guidance."
        ),
    },
]
