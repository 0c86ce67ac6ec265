"""Training mode through the real servers: a full quiz round answered from the knowledge base, and the tour."""

from __future__ import annotations

from bot.knowledge import get_knowledge
from bot.training.questions import all_questions
from tests.servers.conftest import RestClient, button_titles


def _question(messages: list[dict], number: int):
    asked = next(m for m in messages if (m.get("text") or "").startswith(f"Question {number} of 10."))
    titles = tuple(b["title"] for b in asked["buttons"])
    (question,) = [
        q for q in all_questions(get_knowledge()).values()
        if asked["text"].startswith(f"Question {number} of 10. {q.prompt}") and titles[:4] == q.options
    ]
    return question, asked["buttons"]


def test_a_learner_completes_a_round_getting_one_wrong(client: RestClient):
    sender = "learner-round"
    messages = client.send(sender, "quiz me").body
    feedback = []
    for number in range(1, 11):
        question, buttons = _question(messages, number)
        wanted = question.options[(question.answer + 1) % 4] if number == 3 else question.right_option
        payload = next(b["payload"] for b in buttons if b["title"] == wanted)
        messages = client.send(sender, payload).body
        feedback.append(messages[0]["text"])
    assert sum(text.startswith("Right!") for text in feedback) == 9
    assert feedback[2].startswith("Not quite.")
    summary = " ".join(m.get("text", "") for m in messages)
    assert "You got 9 out of 10" in summary
    assert "Topics to look at again" in summary
    assert "Another round" in button_titles(messages)


def test_typed_answers_skip_and_stop_mid_round(client: RestClient):
    sender = "learner-stop"
    messages = client.send(sender, "test my knowledge please").body
    question, _ = _question(messages, 1)
    messages = client.send(sender, "ABCD"[question.answer]).body
    assert messages[0]["text"].startswith("Right!")
    messages = client.send(sender, "skip").body
    assert messages[0]["text"].startswith("Skipped.")
    messages = client.send(sender, "stop").body
    assert "You got 1 out of 2" in " ".join(m.get("text", "") for m in messages)


def test_the_tour_from_start_to_finish(client: RestClient):
    sender = "learner-tour"
    messages = client.send(sender, "walk me through the matrix").body
    assert any((m.get("text") or "").startswith("The matrix") for m in messages)
    messages = client.send(sender, "next").body
    assert messages[0]["text"].startswith("Stage 1 of 4: Understand")
    messages = client.send(sender, "more about this").body
    assert messages[0]["text"].startswith("More about Understand")
    messages = client.send(sender, "back").body
    assert messages[0]["text"].startswith("The matrix")
    for _ in range(8):
        messages = client.send(sender, "next").body
    assert messages[0]["text"].startswith("Level 4 of 4: Participation")
    messages = client.send(sender, "next").body
    assert "end of the tour" in messages[0]["text"]
    assert "Quiz me" in button_titles(messages)


def test_stopping_the_tour_part_way(client: RestClient):
    sender = "learner-tour-stop"
    client.send(sender, "give me a tour")
    client.send(sender, "next")
    messages = client.send(sender, "stop").body
    assert "stop the tour here" in messages[0]["text"]
    assert "Hello" in " ".join(m.get("text", "") for m in client.send(sender, "hi").body)
