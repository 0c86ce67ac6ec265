"""The invitation draft covers every item the guide asks for, or marks it as a gap, and reads cleanly."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.advice.invitation import GAP, PARTS, InvitationDetails, draft_invitation, invitation_replies
from bot.knowledge import Knowledge, load

FULL = InvitationDetails(
    project="the new day service for older people in Thetford",
    task="join a panel that helps design the service",
    time="four meetings of two hours, once a month from March",
    why="you use day services now and know what works",
    influence="you can shape the activities and opening hours; the budget is already set",
    decisions="the council's adult social care committee decides in July",
    who_else="other people who use the service, carers and two council staff",
    payment="we pay travel costs and a fee of 20 pounds a meeting",
    support="a hearing loop, large print papers and help with care costs",
    feedback="we will write to you within a month of each decision",
    contact="Sam Jones on 01234 567890",
    reply_by="1 February",
)
KB = load()  # hypothesis tests cannot use function-scoped fixtures
TEMPLATE_LABELS = {
    "How much time it takes", "Why we are asking you", "What you can change", "The decisions, and who makes them",
    "Who else is taking part", "Expenses and payment", "Support to take part", "How you will hear what happened",
}


def test_a_full_draft_has_no_gaps_and_uses_every_answer(knowledge: Knowledge):
    draft = draft_invitation(knowledge, FULL)
    assert draft.gaps == ()
    for f in fields(FULL):
        assert getattr(FULL, f.name) in draft.text


def test_a_full_draft_covers_every_minimum_item_and_the_first_contact_key_messages(knowledge: Knowledge):
    covered = draft_invitation(knowledge, FULL).covered
    for item in knowledge.topic("invitation-minimum-contents").items:
        assert f"min:{item.id}" in covered
    for key in ("asking-help", "task", "who", "when", "how", "decisions", "feeding-back", "not-happy", "contact"):
        assert f"key:{key}" in covered


def test_skipped_parts_are_marked_and_listed(knowledge: Knowledge):
    draft = draft_invitation(knowledge, InvitationDetails(project="a youth club review"))
    assert GAP.format("who to contact and how") in draft.text
    assert "the date to reply by" in draft.gaps
    assert len(draft.gaps) == len(PARTS) - 1


def test_the_draft_always_asks_about_access_needs_and_warns_about_benefits(knowledge: Knowledge):
    text = draft_invitation(knowledge, InvitationDetails()).text
    assert "access or support needs" in text
    assert "affect any benefits" in text


def test_replies_give_the_draft_then_gaps_then_advice_from_the_guide(knowledge: Knowledge):
    replies = invitation_replies(knowledge, InvitationDetails(project="a carers' strategy"))
    assert replies[0].text.startswith("Here is your draft invitation")
    assert replies[0].custom["invitation"]["gaps"]
    assert replies[1].text.startswith("Still to fill in")
    advice = replies[2].text
    assert "Invite everyone at the same time" in advice and "If you invite more people later, explain why" in advice
    assert "go to them" in advice and "other formats" in advice and "Source:" in advice


# Anything a person might type, except braces and the word None, so that any of those in a draft is our bug.
typed = st.text(alphabet=st.characters(blacklist_characters="{}", blacklist_categories=("Cs",)), max_size=80)
answers = st.one_of(st.none(), typed.filter(lambda text: "None" not in text), st.sampled_from(["  ", "\n", ".", "x  y"]))


@settings(max_examples=200, deadline=None)
@given(st.builds(InvitationDetails, **{f.name: answers for f in fields(InvitationDetails)}))
def test_every_draft_has_each_part_or_a_marked_gap_and_no_junk(details: InvitationDetails):
    draft = draft_invitation(KB, details)
    for name, (label, _) in PARTS.items():
        cleaned = " ".join((getattr(details, name) or "").split()).rstrip(".").strip()
        has_words = any(ch.isalnum() for ch in cleaned)
        assert (has_words and cleaned in draft.text) or GAP.format(label) in draft.text
    assert "None" not in draft.text
    assert "{" not in draft.text and "}" not in draft.text
    assert "  " not in draft.text
    for line in draft.text.splitlines():
        label, _, rest = line.partition(": ")
        if label in TEMPLATE_LABELS:
            assert rest.strip(" .") or line.endswith(":"), f"a part with empty text: {line!r}"
