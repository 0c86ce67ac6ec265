"""Counts turns the bot could not help with, and hands over to a person after two in a row.

A miss is a "did you mean", an "I don't know", an off-topic reply or "something else". Trying a third time would
only frustrate; a person can help instead.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.dispatch import send
from actions.plan_slot import stored_plan
from actions.reading import latest_text
from bot.advice.handover import Contact, ContactSettingsError, ConversationFacts, configured_contact, handover_replies
from bot.advice.reply import Reply
from bot.advice.scripts import ENGLISH_ONLY, not_in_english
from bot.knowledge import get_knowledge
from bot.knowledge.query import Knowledge, UnknownEntry

MISSED_SLOT = "missed_turn"
CHOICE_SLOTS = (("stage", "Stage"), ("level", "Level"), ("audience", "Who"))


def user_turns(tracker: Tracker) -> int:
    return sum(1 for event in tracker.events if event.get("event") == "user")


def conversation_facts(knowledge: Knowledge, tracker: Tracker) -> ConversationFacts:
    typed = tuple(
        " ".join(str(event.get("text") or "").split())
        for event in tracker.events
        if event.get("event") == "user" and event.get("text") and not str(event.get("text")).startswith("/")
    )
    choices = []
    for slot, label in CHOICE_SLOTS:
        value = tracker.get_slot(slot)
        try:
            choices.append((label, knowledge.entry(value).name))
        except (UnknownEntry, TypeError):
            continue
    plan = stored_plan(tracker)
    status = ""
    if plan is not None and plan.has_content:
        planned = sum(1 for s in plan.stages if s.planned)
        status = f"My engagement plan: {planned} of 4 stages planned so far. Type /plan to see it."
    return ConversationFacts(typed=typed[:-1] if typed else (), choices=tuple(choices), plan_status=status)


def handover(dispatcher: CollectingDispatcher, tracker: Tracker, after_misses: bool = False) -> list:
    knowledge = get_knowledge()
    try:
        contact = configured_contact()
    except ContactSettingsError:  # a broken contact file must not cost the person their answer
        contact = Contact()
    send(dispatcher, handover_replies(knowledge, contact, conversation_facts(knowledge, tracker), after_misses))
    return [SlotSet(MISSED_SLOT, None)]


def reply_to_a_miss(dispatcher: CollectingDispatcher, tracker: Tracker, replies: list[Reply]) -> list:
    """Send ``replies`` for a turn the bot could not help with, or hand over if the last turn was one too.

    A message in another script or language is not counted: the bot says it reads English only (a handover in
    English would not help).
    """
    if not_in_english(latest_text(tracker)):
        send(dispatcher, [ENGLISH_ONLY])
        return []
    turn = user_turns(tracker)
    last = tracker.get_slot(MISSED_SLOT)
    if isinstance(last, (int, float)) and int(last) == turn - 1:
        return handover(dispatcher, tracker, after_misses=True)
    send(dispatcher, replies)
    return [SlotSet(MISSED_SLOT, turn)]
