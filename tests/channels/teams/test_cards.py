"""What the bot's replies look like in Teams: plain text, or Adaptive Cards for lists, buttons and the matrix."""

from __future__ import annotations

from bot.advice.activities import matrix_payload
from bot.channels.teams import cards


def card_of(activity: dict) -> dict:
    (attachment,) = activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def test_a_short_answer_stays_plain_text():
    assert cards.text_activity("Yes, you can bring someone with you.") == {
        "type": "message", "text": "Yes, you can bring someone with you.", "textFormat": "plain"}


def test_a_list_of_suggestions_becomes_a_card_with_one_block_per_line():
    text = "Here are some ideas:\n• Focus groups: small group talks.\n• Surveys: questions on paper or online."
    card = card_of(cards.text_activity(text))
    assert [block["text"] for block in card["body"]] == text.splitlines()
    assert all(block["wrap"] for block in card["body"])


def test_buttons_become_submit_actions_that_send_the_payload_and_show_the_title():
    activity = cards.buttons_activity("What next?", [
        {"title": "Draft an invitation", "payload": "/draft_invitation"},
        {"title": "Payments and support", "payload": '/ask_guidance{"topic":"support-kinds"}'},
    ])
    card = card_of(activity)
    (action_set,) = [block for block in card["body"] if block["type"] == "ActionSet"]
    first = action_set["actions"][0]
    assert first["type"] == "Action.Submit"
    assert first["data"]["msteams"] == {"type": "messageBack", "displayText": "Draft an invitation",
                                        "text": "/draft_invitation"}
    assert action_set["actions"][1]["data"]["payload"] == '/ask_guidance{"topic":"support-kinds"}'


def test_many_buttons_are_split_into_rows():
    buttons = [{"title": f"Option {n}", "payload": f"/x{n}"} for n in range(8)]
    card = card_of(cards.buttons_activity("Pick one", buttons))
    rows = [block for block in card["body"] if block["type"] == "ActionSet"]
    assert [len(row["actions"]) for row in rows] == [5, 3]


def test_the_matrix_is_a_table_with_the_chosen_cell_marked(knowledge):
    cell = knowledge.cell("do", "participation", "citizens")
    card = card_of(cards.custom_activity(matrix_payload(knowledge, cell)))
    (table,) = [block for block in card["body"] if block["type"] == "Table"]
    assert len(table["rows"]) == 1 + len(knowledge.kb.stages)
    chosen = [(row_number, cell_) for row_number, row in enumerate(table["rows"]) for cell_ in row["cells"]
              if cell_.get("style") == "accent"]
    assert len(chosen) == 1
    row_number, chosen_cell = chosen[0]
    assert table["rows"][row_number]["cells"][0]["items"][0]["text"] == cell.stage.name
    assert chosen_cell["items"][0]["text"] == f"{len(cell.activities)} (your choice)"


def test_custom_payloads_teams_cannot_show_are_skipped():
    assert cards.custom_activity({"something": "else"}) is None
