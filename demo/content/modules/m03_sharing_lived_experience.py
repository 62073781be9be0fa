MODULE = {
    "title": "Sharing lived experience with purpose",
    "slug": "sharing-lived-experience",
    "domain": "mentoring-and-education",
    "training_hours": 5,
    "summary": (
        "How to use your own story deliberately: choosing what, when and how much to share so "
        "that it serves the other person, whether you are working one-to-one, in a group or in "
        "front of an audience."
    ),
    "objectives": [
        (
            "Explain the difference between intentional disclosure and sharing that serves "
            "your own needs."
        ),
        (
            "Apply four questions — why, what, how much and when — before sharing your lived "
            "experience."
        ),
        (
            "Share your recovery in a way that offers hope without graphic detail, comparison "
            "or prescription."
        ),
        (
            "Recognise and respect other people's reluctance to disclose, and avoid setting "
            "yourself up as the expert on their recovery."
        ),
        "Prepare to tell your story safely in groups, training sessions and public settings.",
    ],
    "lessons": [
        {
            "title": "Intentional disclosure: whose need does it serve?",
            "slug": "intentional-disclosure",
            "summary": (
                "Your story is a tool to be used on purpose; this lesson gives you the "
                "questions to ask before you share and the habit of handing the conversation "
                "back."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Your story is a tool", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Your lived experience is the reason you are in this role. It is "
                        "what lets someone believe you when you say you understand, and what "
                        "shows them that recovery is possible. But it is a tool, not a "
                        "performance. Used carefully, a few sentences of your story can open a "
                        "conversation that months of other support could not. Used carelessly, "
                        "it can pull the attention onto you, make someone feel their "
                        "experience does not measure up, or leave them carrying your pain as "
                        "well as their own.</p>"
                        "<p>The difference is intention. <b>Intentional disclosure</b> means "
                        "sharing part of your experience on purpose, because you have a reason "
                        "to think it will help the other person, and then handing the "
                        "conversation back to them.</p>"
                    ),
                ),
                ("heading", {"text": "Whose need does it serve?", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>This is the single most useful question. Before you share, ask "
                        "yourself honestly whether this is for them or for you. Sharing is "
                        "probably meeting <i>your</i> needs if:</p>"
                        "<ul>"
                        "<li>you want them to like you, or to see that you are one of "
                        "them;</li>"
                        "<li>you are uncomfortable with a silence, or with their pain, and "
                        "talking about yourself fills the gap;</li>"
                        "<li>something they said has stirred up your own memories and you need "
                        "to get it out;</li>"
                        "<li>you want to show you have had it as bad as them, or worse;</li>"
                        "<li>you are hoping to steer them towards the choice you made.</li>"
                        "</ul>"
                        "<p>None of these needs is shameful. They are human, and they will "
                        "come up. The skill is to notice them and take them somewhere else, to "
                        "supervision or your own supports, rather than into the session.</p>"
                    ),
                ),
                ("heading", {"text": "Four questions before you share", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>With practice these become almost instant, but it helps to learn "
                        "them deliberately.</p>"
                        "<ol>"
                        "<li><b>Why?</b> What do I hope this will do for the person: offer "
                        "hope, ease shame, show that a feeling is common, open up an option "
                        "they have not considered?</li>"
                        "<li><b>What?</b> Which part of my experience fits what they are "
                        "facing right now? Often it is not the most dramatic part but a small, "
                        "specific moment: the first week in a new flat, the phone call you "
                        "nearly did not make.</li>"
                        "<li><b>How much?</b> Usually less than you think. One to three "
                        "sentences is often enough, and you can say more if they ask.</li>"
                        "<li><b>When?</b> Is this the right moment? Someone in acute distress "
                        "usually needs you to listen, not to hear your story. Someone who has "
                        "just said something big needs to be heard first.</li>"
                        "</ol>"
                        "<p>Then comes a step that is not a question: <b>hand it back</b>. End "
                        "with something that returns the focus to them, such as “That's how it "
                        "was for me. How is it for you?”</p>"
                    ),
                ),
                (
                    "story",
                    {
                        "quote": (
                            "For a long time I thought my story was the whole job. I'd tell "
                            "new people everything, the hospital, the divorce, all of it, "
                            "because I thought that's what made me a peer. Then a woman I was "
                            "supporting said, quite kindly, that she felt she had to look "
                            "after me when I talked about it. That stopped me. Now I share "
                            "much less, and much later. Often it's one line, like 'I remember "
                            "not being able to open the post for months', and then I wait. It "
                            "does more than the whole story ever did."
                        ),
                        "attribution": "Femi, peer support worker",
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
                        "title": "Share, then hand it back",
                        "text": (
                            "<p>A disclosure has done its job when the person picks it up and "
                            "starts talking about themselves. If the conversation is still "
                            "about you five minutes later, something has gone off course.</p>"
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "A person you support is describing the shame they feel about "
                            "losing their job. You feel a strong urge to tell them about the "
                            "time you were sacked. Which question is most important to ask "
                            "yourself first?"
                        ),
                        "options": [
                            {
                                "text": "Was my experience of being sacked worse than theirs?",
                                "correct": False,
                                "feedback": (
                                    "Comparison rarely helps, and a worse story can make them "
                                    "feel their pain does not count."
                                ),
                            },
                            {
                                "text": (
                                    "Would sharing this help them with what they are facing "
                                    "right now, or do I mainly need to say it?"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes: whose need does it serve? If it is theirs, a brief "
                                    "share may ease their shame."
                                ),
                            },
                            {
                                "text": "Have I told this story to anyone else I support?",
                                "correct": False,
                                "feedback": (
                                    "Consistency is not the issue. What matters is whether it "
                                    "helps this person now."
                                ),
                            },
                        ],
                        "explanation": (
                            "The first test of any disclosure is whose need it serves. If it "
                            "serves the other person, then think about what, how much and when."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Share the recovery, not the war story",
            "slug": "recovery-not-war-story",
            "summary": (
                "What to share and what to leave out: keeping the focus on what helped, and "
                "avoiding graphic detail, comparison and “my way will work for you”."
            ),
            "estimated_minutes": 35,
            "body": [
                ("heading", {"text": "What is a war story?", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>In recovery circles, a “war story” is a vivid account of the worst "
                        "times — the using, the crises, the chaos — told in detail and often "
                        "with a certain energy. War stories can be gripping, and in some "
                        "settings they have a place. In peer support they usually get in the "
                        "way.</p>"
                        "<p>Detailed accounts of using or of harming yourself can trigger "
                        "cravings or distress in the listener. They can make the past sound "
                        "exciting without meaning to. They can give someone information about "
                        "methods they did not have before. And they put you, not the person, "
                        "at the centre of the conversation.</p>"
                    ),
                ),
                ("heading", {"text": "Share the recovery", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>What people usually need to hear is not how bad it got but how "
                        "things started to change. A helpful shape is a short version of “what "
                        "it was like, what helped, what it's like now”, with most of the "
                        "weight on the last two.</p>"
                        "<p><b>A war-story version:</b> “By the end I was drinking two bottles "
                        "of vodka a day. I lost my flat, I was sleeping in my car, I got "
                        "arrested twice, I ended up in A&amp;E after a fall…”</p>"
                        "<p><b>A recovery-focused version:</b> “There was a time when I'd lost "
                        "my home and couldn't imagine stopping. What changed things for me was "
                        "a worker who kept turning up even when I didn't. It took a few goes. "
                        "Now I've got my own place and a job I like, and there are still hard "
                        "days. What's been getting in the way for you?”</p>"
                        "<p>The second version still tells the truth. It says things were bad, "
                        "and it does not pretend recovery was easy. But it points towards what "
                        "helped, and it hands the conversation back.</p>"
                    ),
                ),
                ("heading", {"text": "Avoid comparison", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Comparison slips in easily. “I had it much worse than that” "
                        "shrinks someone's pain. “At least you've still got your kids” tells "
                        "them what they ought to feel grateful for. Even “I know exactly how "
                        "you feel” can grate, because you don't: you know how <i>you</i> felt. "
                        "“I remember feeling something like that” is more honest. Everyone's "
                        "experience is their own, and the point of sharing is connection, not "
                        "ranking.</p>"
                    ),
                ),
                ("heading", {"text": "“My way worked for me…”", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>It is natural to believe in the path that got you here. The risk "
                        "is presenting it as <i>the</i> path: “The fellowship is the only "
                        "thing that works”, “You have to hit rock bottom first”, “Medication "
                        "just masks things; I came off mine and never looked back”. Statements "
                        "like these can push people away from options that might suit them, or "
                        "towards decisions that could harm them. There are many pathways to "
                        "recovery: mutual aid groups, treatment, medication, faith, harm "
                        "reduction, peer communities, family, work, creativity, and "
                        "combinations of all of these.</p>"
                        "<p>You can offer what worked for you as one possibility among many: "
                        "“Meetings helped me a lot. They're not for everyone, and people I "
                        "know have found other things that work. Is that something you'd want "
                        "to try, or does something else appeal more?”</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "The one-line test",
                        "text": (
                            "<p>Before you share, try to sum up the point of the disclosure in "
                            "one line that is about them, such as “I want her to know that "
                            "feeling numb can change.” If you can't, you may not be ready to "
                            "share it yet.</p>"
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "The group that turns to war stories",
                        "situation": (
                            "<p>You co-facilitate a weekly peer group. Tonight a new member, "
                            "Craig, is quiet and looks anxious. Two long-standing members "
                            "start swapping stories about their heaviest using days, with "
                            "laughter and plenty of detail. Craig is shifting in his seat. "
                            "Another member asks you to tell “your hospital story”, because "
                            "“it's the best one”.</p>"
                        ),
                        "questions": [
                            (
                                "What might the war stories be doing for the members telling "
                                "them, and what might they be doing for Craig?"
                            ),
                            "How would you respond to the request for your hospital story?",
                            "How could you redirect the group without shaming anyone?",
                        ],
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Which of these disclosures best follows the idea of sharing the "
                            "recovery rather than the war story?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "“I used every day for years. I could tell you stories "
                                    "that would make your hair stand on end.”"
                                ),
                                "correct": False,
                                "feedback": (
                                    "This puts the drama of the past centre stage and invites "
                                    "curiosity about the details rather than about what helped."
                                ),
                            },
                            {
                                "text": (
                                    "“When I stopped, the evenings were the hardest part. What "
                                    "helped me was having something planned for seven o'clock "
                                    "every night. What are your evenings like?”"
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. It is brief, specific about what helped, and hands "
                                    "the conversation back."
                                ),
                            },
                            {
                                "text": (
                                    "“I stopped in one go and never looked back. If I can do "
                                    "it, so can you.”"
                                ),
                                "correct": False,
                                "feedback": (
                                    "This presents your way as the way, and can leave someone "
                                    "who is struggling feeling they are failing."
                                ),
                            },
                        ],
                        "explanation": (
                            "Keep the past brief and the focus on what helped and where you "
                            "are now, then return the conversation to the person."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "A role model of hope, not a guru",
            "slug": "role-model-not-guru",
            "summary": (
                "How to show that recovery is possible without becoming the expert on someone "
                "else's life, and how to respect people who are not ready to disclose."
            ),
            "estimated_minutes": 30,
            "body": [
                ("heading", {"text": "Being visible evidence", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Meeting someone who has been where you are, and is now doing well, "
                        "can be a turning point. Many people describe their first contact with "
                        "a peer worker as the first time they believed recovery could apply to "
                        "them. That is a real and important part of your role: simply by being "
                        "there, you show that change is possible.</p>"
                        "<p>The most helpful role models are honest ones. If you present "
                        "yourself as fully recovered and always sorted, people may conclude "
                        "that recovery means never struggling, and that their own struggles "
                        "mean they are failing. It is often more hopeful to let people see "
                        "that you still have hard days, that you use your own supports, that "
                        "you sometimes get things wrong, and that you get through.</p>"
                    ),
                ),
                ("heading", {"text": "The guru trap", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Because you carry hope, people may start to look to you for "
                        "answers. It can be flattering to be the person someone asks about "
                        "everything: whether to take the job, leave the relationship, go to "
                        "the meeting. It is also a trap. Answers from you take away the "
                        "person's chance to find their own, and they make the person's "
                        "recovery depend on you, which is neither sustainable nor mutual.</p>"
                        "<p>Signs you are drifting into guru territory:</p>"
                        "<ul>"
                        "<li>people ask “What would you do?” and you tell them;</li>"
                        "<li>they check decisions with you before making them;</li>"
                        "<li>you hear your own phrases repeated back to you as rules;</li>"
                        "<li>you feel let down when someone takes a different path;</li>"
                        "<li>in a group, members talk to you rather than to each other.</li>"
                        "</ul>"
                        "<p>When someone asks what you would do, you can be honest and still "
                        "hand the decision back: “I can tell you what I did, but I'm not you, "
                        "and it might not fit. What are you weighing up?” In a group, turn "
                        "questions outward: “Has anyone else been through something like "
                        "that?”</p>"
                    ),
                ),
                ("heading", {"text": "Respecting reluctance to disclose", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>Peer support relies on people being willing to share, but not "
                        "everyone is ready, and some never will be in a group. People have "
                        "good reasons for keeping things private: stigma at work, fears about "
                        "child custody or immigration status, family or cultural expectations, "
                        "past experiences of being judged, or simply not knowing you well yet. "
                        "Writing about peer groups names this as a real challenge, because a "
                        "group where people feel unable to open up can lose some of its "
                        "depth.</p>"
                        "<p>The answer is never pressure. Your openness should be an "
                        "invitation, not an expectation. In practice:</p>"
                        "<ul>"
                        "<li>Make it clear in groups that passing is always fine, and mean "
                        "it.</li>"
                        "<li>Never make telling their story a condition of getting "
                        "support.</li>"
                        "<li>Don't assume that because you disclosed something, they owe you a "
                        "disclosure back.</li>"
                        "<li>Offer other ways in: one-to-one time, writing, activities where "
                        "talking is not the point.</li>"
                        "<li>Notice and value small disclosures. For some people, “It's been a "
                        "hard week” is a big step.</li>"
                        "</ul>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "key_point",
                        "title": "Openness is an invitation, not a trade",
                        "text": (
                            "<p>You share so that others feel they could, if and when they are "
                            "ready. You do not share so that they have to.</p>"
                        ),
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Think of someone who was a role model of hope for you. What did "
                            "they do that helped? Did they ever tell you what to do, and how "
                            "did that land?"
                        ),
                        "guidance": (
                            "Notice the difference between the people who inspired you and the "
                            "people who instructed you. Both may have mattered, but they did "
                            "different things."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "A group member has come every week for six weeks without saying "
                            "anything about his own experience. What is the most appropriate "
                            "approach?"
                        ),
                        "options": [
                            {
                                "text": (
                                    "Tell him gently that the group works best when everyone "
                                    "shares, and that it's his turn next week."
                                ),
                                "correct": False,
                                "feedback": (
                                    "This puts pressure on him and may drive him away. Passing "
                                    "has to be genuinely allowed."
                                ),
                            },
                            {
                                "text": (
                                    "Keep welcoming him, make clear that passing is fine, and "
                                    "check in privately about how the group is working for him."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. He is getting something from coming, and a private "
                                    "check-in gives him a safe way to say more if he wants to."
                                ),
                            },
                            {
                                "text": (
                                    "Share more of your own story so he feels he ought to "
                                    "return the favour."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Disclosure is not a trade. Sharing in order to draw out "
                                    "sharing turns your story into pressure."
                                ),
                            },
                        ],
                        "explanation": (
                            "People have good reasons for not disclosing. Keep the door open, "
                            "value whatever they do share, and never make disclosure the price "
                            "of support."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Sharing in groups, one-to-one and in public",
            "slug": "sharing-in-different-settings",
            "summary": (
                "How disclosure changes between one-to-one work, groups and public or training "
                "settings, and how to tell your story safely when it will reach a wider "
                "audience."
            ),
            "estimated_minutes": 35,
            "body": [
                ("heading", {"text": "One-to-one", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>One-to-one work is where disclosure can be most tailored. You know "
                        "something of the person's situation and can choose a part of your "
                        "experience that fits. You can watch how it lands and adjust. The "
                        "risks are the ones covered earlier: sharing too much, too soon, or "
                        "for your own sake.</p>"
                    ),
                ),
                ("heading", {"text": "In groups", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>In a group, a disclosure lands on everyone at once, and people "
                        "hear it differently. Something that gives one member hope may "
                        "distress another. Sharing in a group works best when it is:</p>"
                        "<ul>"
                        "<li><b>short</b>, because you are modelling the kind of share you "
                        "hope members will make, and a long share from the facilitator tells "
                        "people long shares are normal;</li>"
                        "<li><b>broad enough to connect</b>: a feeling or a turning point "
                        "rather than a very specific event;</li>"
                        "<li><b>free of graphic detail</b>, because you cannot know what "
                        "everyone in the room is carrying;</li>"
                        "<li><b>used to open the floor</b>, not to close it: “That's a bit of "
                        "how it was for me. I wonder whether anyone else has felt something "
                        "like that?”</li>"
                        "</ul>"
                        "<p>Remember that others in the room may repeat what you say. A group "
                        "confidentiality agreement helps, but nobody can guarantee it, so in "
                        "groups share only what you would be comfortable having known "
                        "outside.</p>"
                    ),
                ),
                ("heading", {"text": "Training and public settings", "level": "h2"}),
                (
                    "paragraph",
                    (
                        "<p>As you gain experience, you may be asked to tell your story at a "
                        "training day, a conference, a fundraiser, a school or to the media. "
                        "Personal stories can be a powerful way to challenge stigma, and "
                        "public telling carries different risks from one-to-one work.</p>"
                        "<p><b>Once it is public, you cannot take it back.</b> Talks are "
                        "recorded, quoted and posted online. Think about how you might feel "
                        "about this story in five or ten years, and who might come across it: "
                        "future employers, your children, neighbours, people you support.</p>"
                        "<p><b>Your story involves other people.</b> Family members, former "
                        "partners and friends appear in it, and they did not agree to be part "
                        "of your talk. Leave them out, blur the details, or ask them first.</p>"
                        "<p><b>You decide the terms.</b> Ask what the event wants from your "
                        "story, and say no to the parts you are not willing to give. You can "
                        "decline questions from the audience: “That's not something I talk "
                        "about publicly, but I'm happy to talk about what helped” is a "
                        "complete answer. If an organiser wants more drama than you want to "
                        "give, you can walk away.</p>"
                        "<p><b>Prepare, and plan for afterwards.</b> Rehearse what you will "
                        "say, including where you will stop. Telling your story to a room can "
                        "stir up more than you expect, sometimes days later. Plan something "
                        "steadying for afterwards, and let your supervisor or someone you "
                        "trust know it is happening.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "practice_tip",
                        "title": "Agree the terms in writing",
                        "text": (
                            "<p>Before a public talk or interview, confirm in writing whether "
                            "you will be recorded or photographed, whether you will be named, "
                            "how your words may be used afterwards, and whether you can check "
                            "any quotes. Organisers who value lived experience will be happy "
                            "to agree.</p>"
                        ),
                    },
                ),
                (
                    "story",
                    {
                        "quote": (
                            "The first time I spoke at a conference I told everything, because "
                            "the organiser said the raw version would have the most impact. "
                            "People cried and clapped. Then I saw a clip online with my full "
                            "name under it, and I lay awake for a week thinking about my mum "
                            "seeing it. I still speak now, but I've got a version I'm happy "
                            "with. It's shorter, it leaves my family out, and it ends with "
                            "what my life is like today. It still moves people, and I sleep "
                            "fine."
                        ),
                        "attribution": "Jordan, peer trainer",
                        "consent_note": (
                            "Composite story written for training; shared with consent of the "
                            "people it draws on."
                        ),
                    },
                ),
                (
                    "scenario",
                    {
                        "title": "A request from the local paper",
                        "situation": (
                            "<p>Your service is opening a new peer-led drop-in, and the local "
                            "paper wants to interview a peer worker with lived experience. "
                            "Your manager asks you. The journalist says they would like your "
                            "full name, a photograph and “your lowest point”, and wants to "
                            "know whether you still struggle.</p>"
                        ),
                        "questions": [
                            "What would you want to know or agree before saying yes?",
                            "Which parts of your story would you keep out, and why?",
                            (
                                "How could you answer the question about whether you still "
                                "struggle in a way that is honest but protects you?"
                            ),
                        ],
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": (
                            "Write the short version of your recovery story that you would be "
                            "comfortable telling a room of strangers. What have you left out, "
                            "and why?"
                        ),
                        "guidance": (
                            "Aim for something you could say in two or three minutes that ends "
                            "with where you are now. Leaving things out is a choice, not a "
                            "lie; it is your story to shape."
                        ),
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "question": (
                            "Which of these is the best guide to what you share in a group you "
                            "facilitate?"
                        ),
                        "options": [
                            {
                                "text": "Share whatever is true, since honesty builds trust.",
                                "correct": False,
                                "feedback": (
                                    "Honesty matters, but not everything true is useful or "
                                    "safe to share with a whole group."
                                ),
                            },
                            {
                                "text": (
                                    "Share briefly, only what you would be comfortable having "
                                    "known outside the group, and in a way that opens the "
                                    "floor to others."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Yes. You cannot control what others repeat, and short "
                                    "shares model the kind of sharing that helps."
                                ),
                            },
                            {
                                "text": (
                                    "Avoid sharing anything in groups, so that nobody is "
                                    "influenced by your story."
                                ),
                                "correct": False,
                                "feedback": (
                                    "Your lived experience is part of what you bring. Used "
                                    "well, it helps people open up."
                                ),
                            },
                        ],
                        "explanation": (
                            "Group disclosure reaches everyone in the room at once and may "
                            "travel further. Keep it short, safe for you and aimed at opening "
                            "the conversation."
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
            "You have been meeting Sasha for a month. Today she says nobody at her new job "
            "knows about her past, and she is terrified of being found out. You kept your own "
            "history hidden at work for years, and the memory comes back strongly."
        ),
        "text": "Which response best reflects intentional disclosure?",
        "options": [
            {
                "text": (
                    "Say briefly that you have known that fear at work yourself and mention "
                    "one thing that helped, then ask how it is affecting her."
                ),
                "correct": True,
                "feedback": (
                    "Yes. It is short, relevant to what she is facing, and hands the "
                    "conversation back to her."
                ),
            },
            {
                "text": (
                    "Tell her the full story of how a colleague found out about you and "
                    "everything that happened next, so she knows what to expect."
                ),
                "correct": False,
                "feedback": (
                    "A long, detailed account shifts the focus to you and may frighten her. "
                    "Her situation may go quite differently."
                ),
            },
            {
                "text": "Say nothing about yourself, because disclosure is always risky.",
                "correct": False,
                "feedback": (
                    "Disclosure is a tool, and this is a moment where a brief share could ease "
                    "her sense of being alone with it."
                ),
            },
            {
                "text": (
                    "Advise her to tell her employer straight away, since keeping it secret "
                    "was bad for you."
                ),
                "correct": False,
                "feedback": (
                    "This turns your experience into a prescription. Whether and when to tell "
                    "an employer is her decision."
                ),
            },
        ],
        "explanation": (
            "Intentional disclosure is brief, relevant and for the other person's benefit, and "
            "it ends by returning the focus to them."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "A man you support is deciding whether to start medication for his anxiety. He "
            "knows you got through your own anxiety without tablets. He asks: “What would you "
            "do?”"
        ),
        "text": "What is the most helpful response?",
        "options": [
            {
                "text": (
                    "“I can tell you what I did, but I'm not you, and lots of people find "
                    "medication really helps. What are you weighing up?” Then offer to help "
                    "him prepare questions for his prescriber."
                ),
                "correct": True,
                "feedback": (
                    "Yes. You are honest about your path without making it his, and you help "
                    "him make an informed choice of his own."
                ),
            },
            {
                "text": "“I'd avoid it. I managed fine without.”",
                "correct": False,
                "feedback": (
                    "This is “my way worked for me” in its purest form, and it steers a "
                    "medical decision that is not yours to steer."
                ),
            },
            {
                "text": "“I'm not allowed to talk about medication.”",
                "correct": False,
                "feedback": (
                    "You can talk about your own experience and help him think it through; you "
                    "just do not advise on treatment. Shutting the question down leaves him on "
                    "his own with it."
                ),
            },
            {
                "text": "“Definitely take them. It's what the doctors recommend.”",
                "correct": False,
                "feedback": (
                    "This is still telling him what to do, only in the other direction. The "
                    "decision belongs with him and his prescriber."
                ),
            },
        ],
        "explanation": (
            "When people ask what you would do, avoid the guru trap: share honestly, "
            "acknowledge other paths, and hand the decision back."
        ),
    },
    {
        "kind": "scenario",
        "vignette": (
            "In a group you facilitate, two long-standing members are swapping detailed "
            "stories about their worst using days, laughing as they go. A new member looks "
            "uncomfortable and has gone quiet."
        ),
        "text": "What is the best thing to do?",
        "options": [
            {
                "text": (
                    "Acknowledge the two members, then steer towards what has helped since, "
                    "for example: “You've both come a long way from those days. What made the "
                    "difference?”"
                ),
                "correct": True,
                "feedback": (
                    "Yes. This respects the members who are sharing while moving the group "
                    "towards recovery and making space for the newcomer."
                ),
            },
            {
                "text": "Let it continue, since the group belongs to its members.",
                "correct": False,
                "feedback": (
                    "The group does belong to its members, including the newcomer, who may be "
                    "distressed or triggered. Facilitating means keeping the space safe for "
                    "everyone."
                ),
            },
            {
                "text": (
                    "Tell the two members their stories are inappropriate and ask them to stop."
                ),
                "correct": False,
                "feedback": (
                    "Shaming people in front of the group damages trust. A light redirection "
                    "usually works better."
                ),
            },
            {
                "text": (
                    "Join in with your own story, to show the new member that you understand."
                ),
                "correct": False,
                "feedback": (
                    "Adding another war story deepens the problem, now with the facilitator's "
                    "authority behind it."
                ),
            },
        ],
        "explanation": (
            "War stories can crowd out recovery and unsettle newer members. Redirect gently "
            "towards what helped, without shaming anyone."
        ),
    },
    {
        "kind": "multiple",
        "vignette": "",
        "text": (
            "Which of these suggest that a disclosure may be meeting your needs rather than "
            "the other person's? Select all that apply."
        ),
        "options": [
            {
                "text": (
                    "You feel uncomfortable with the silence after they have said something "
                    "painful."
                ),
                "correct": True,
                "feedback": (
                    "Yes. Filling a silence with your story often protects you from their pain "
                    "rather than helping them."
                ),
            },
            {
                "text": "You want to show that you have been through worse.",
                "correct": True,
                "feedback": (
                    "Yes. This is comparison, and it usually makes the other person feel smaller."
                ),
            },
            {
                "text": (
                    "Something they said has stirred up a memory you need to get off your chest."
                ),
                "correct": True,
                "feedback": (
                    "Yes. That need is real, but it belongs in supervision or with your own "
                    "supports."
                ),
            },
            {
                "text": (
                    "You have thought about how one specific moment from your recovery relates "
                    "to what they are facing."
                ),
                "correct": False,
                "feedback": (
                    "This is what intentional disclosure looks like: relevant and chosen for them."
                ),
            },
            {
                "text": "You plan to ask them how it is for them once you have shared.",
                "correct": False,
                "feedback": "Handing it back is a sign the disclosure is for them.",
            },
        ],
        "explanation": (
            "Ask whose need a disclosure serves. Your own needs are legitimate, but they "
            "belong with your own supports, not in the session."
        ),
    },
    {
        "kind": "true_false",
        "vignette": "",
        "text": (
            "Because mutuality is a core principle, if you share something personal with a "
            "group member, it is reasonable to expect them to share something in return."
        ),
        "options": [
            {
                "text": "True",
                "correct": False,
                "feedback": (
                    "Mutuality is about equality and shared learning, not an exchange of "
                    "disclosures. Expecting a return turns your openness into pressure."
                ),
            },
            {
                "text": "False",
                "correct": True,
                "feedback": (
                    "Right. Your openness is an invitation. People may have good reasons for "
                    "not disclosing, and passing is always allowed."
                ),
            },
        ],
        "explanation": (
            "Disclosure is never a trade. Respect reluctance to disclose, and value whatever "
            "people choose to share."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": (
            "You have been asked to speak about your recovery at a conference. Which step best "
            "protects you and the people who appear in your story?"
        ),
        "options": [
            {
                "text": (
                    "Agree in advance whether you will be recorded or named, and leave out or "
                    "blur details about family members who have not agreed to be included."
                ),
                "correct": True,
                "feedback": (
                    "Yes. A public story cannot be taken back, and the other people in it have "
                    "their own right to privacy."
                ),
            },
            {
                "text": (
                    "Tell the full, unedited story, because audiences respond best to raw honesty."
                ),
                "correct": False,
                "feedback": (
                    "A shaped story can be just as honest and just as moving, without the "
                    "risks to you and your family."
                ),
            },
            {
                "text": "Let the organiser decide which parts of your story to include.",
                "correct": False,
                "feedback": (
                    "It is your story, and you set the terms. Organisers may want more than "
                    "you are comfortable giving."
                ),
            },
            {
                "text": "Refuse to take any questions at all from the audience.",
                "correct": False,
                "feedback": (
                    "You can decline particular questions, but ruling out all of them is "
                    "rarely necessary and loses a useful conversation."
                ),
            },
        ],
        "explanation": (
            "Telling your story in public is a choice you control. Prepare, agree the terms in "
            "writing, and protect the other people in your story."
        ),
    },
    {
        "kind": "single",
        "vignette": "",
        "text": (
            "What is the main purpose of handing the conversation back after you share part of "
            "your story?"
        ),
        "options": [
            {
                "text": (
                    "To return the focus to the person, so they can connect your experience "
                    "with their own."
                ),
                "correct": True,
                "feedback": (
                    "Yes. The disclosure has done its job when they start talking about themselves."
                ),
            },
            {
                "text": "To check whether they believed your story.",
                "correct": False,
                "feedback": (
                    "The point is not to be believed but to help them reflect on their own "
                    "situation."
                ),
            },
            {
                "text": "To give them a chance to offer you support in return.",
                "correct": False,
                "feedback": (
                    "The person you support should never have to look after you. Take your own "
                    "needs to your own supports."
                ),
            },
        ],
        "explanation": (
            "Every disclosure should end with the focus back on the other person. If it stays "
            "on you, the sharing has stopped serving them."
        ),
    },
]
