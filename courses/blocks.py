"""StreamField blocks for lessons.

Each block is something a trainer reaches for when teaching peer support: a key point,
a story told with consent, a scenario to discuss, a private reflection, a quick check.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]

MINUTES_HELP = "Minutes this activity takes; leave empty for the usual allowance."


def minutes_block() -> blocks.IntegerBlock:
    """An activity's own minutes, overriding ``courses.reading_time``'s allowance."""
    return blocks.IntegerBlock(required=False, min_value=0, max_value=600, help_text=MINUTES_HELP)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Section"), ("h3", "Subsection")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Why boundaries protect both people", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    """A highlighted aside. A content warning also hides what follows until the reader opts in."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("key_point", "Key point"),
            ("practice_tip", "Practice tip"),
            ("content_warning", "Content warning"),
            ("law", "Federal law"),
            ("state_note", "State note"),
        ],
        default="key_point",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=RICH_FEATURES)

    def get_context(self, value, parent_context=None):
        """``heading``: the kind's label, then the title unless it already starts with it."""
        context = super().get_context(value, parent_context=parent_context)
        label = dict(self.child_blocks["kind"].field.choices).get(value["kind"], "")
        title = (value.get("title") or "").strip()
        if title.casefold().startswith(label.casefold()):
            title = title[len(label) :].lstrip(" :\u2013\u2014-")
        context["heading"] = f"{label}: {title}" if title else label
        return context

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        preview_value = {
            "kind": "key_point",
            "title": "Mutuality",
            "text": "<p>Peer support is a relationship between equals.</p>",
        }


class StoryBlock(blocks.StructBlock):
    """A lived-experience story, quoted with the teller's consent."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(
        max_length=120, help_text="How the teller asked to be named, e.g. “Dee, peer worker”."
    )
    consent_note = blocks.CharBlock(
        max_length=250,
        help_text="What the teller agreed to, e.g. “Shared with consent for training use.”",
    )

    class Meta:
        icon = "openquote"
        template = "blocks/story_block.html"
        preview_value = {
            "quote": "The first time someone said “me too”, I stopped feeling like a case file.",
            "attribution": "Dee, peer worker",
            "consent_note": "Shared with consent for training use; details changed.",
        }


class ScenarioBlock(blocks.StructBlock):
    """A case study with questions for discussion in supervision or class."""

    title = blocks.CharBlock(max_length=120)
    situation = blocks.RichTextBlock(features=RICH_FEATURES)
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)
    model_answer = blocks.RichTextBlock(
        features=RICH_FEATURES,
        required=False,
        help_text="What a skilled peer would do and why; trainees open it after they answer.",
    )
    facilitator_notes = blocks.TextBlock(
        required=False,
        help_text="For whoever runs the session: shown to coordinators and course editors, "
        "never to trainees.",
    )
    minutes = minutes_block()

    class Meta:
        icon = "group"
        template = "blocks/scenario_block.html"
        preview_value = {
            "title": "An invitation for coffee",
            "situation": "<p>After your third meeting, the person you support asks to meet "
            "for coffee at the weekend, as friends.</p>",
            "questions": ["What might be behind the invitation?", "How would you answer?"],
        }


class ReflectionBlock(blocks.StructBlock):
    """A prompt whose answer is saved privately: only the trainee who wrote it sees it."""

    prompt = blocks.TextBlock()
    guidance = blocks.TextBlock(required=False, help_text="Optional hints shown under the prompt.")
    minutes = minutes_block()

    class Meta:
        icon = "edit"
        template = "blocks/reflection_block.html"
        preview_value = {"prompt": "Which part of your story would you never share, and why?"}


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A link to the video (YouTube, Vimeo…).")
    transcript = blocks.RichTextBlock(
        features=RICH_FEATURES, help_text="Required: trainees who cannot hear the video read this."
    )
    minutes = minutes_block()

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class CheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.CharBlock(max_length=400, required=False)


class KnowledgeCheckBlock(blocks.StructBlock):
    """A practice question with instant feedback. It is never graded."""

    question = blocks.CharBlock(max_length=300)
    options = blocks.ListBlock(CheckOptionBlock(), min_num=2)
    explanation = blocks.TextBlock(required=False)
    minutes = minutes_block()

    class Meta:
        icon = "help"
        template = "blocks/knowledge_check_block.html"
        preview_value = {
            "question": "Who decides what recovery looks like?",
            "options": [
                {"text": "The person in recovery", "correct": True, "feedback": "Yes."},
                {"text": "The peer worker", "correct": False, "feedback": "No: it is their path."},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise ValidationError("Mark at least one option as correct.")
        return value


class ContentStreamBlock(blocks.StreamBlock):
    """Blocks any page can use to teach or explain."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_FEATURES, icon="pilcrow")
    callout = CalloutBlock()
    story = StoryBlock()
    scenario = ScenarioBlock()
    video = VideoBlock()
    document = DocumentBlock()


class LessonStreamBlock(ContentStreamBlock):
    """Lessons add what only makes sense for an enrolled trainee."""

    reflection = ReflectionBlock()
    knowledge_check = KnowledgeCheckBlock()
