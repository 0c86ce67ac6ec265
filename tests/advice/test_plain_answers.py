"""Everything the advice composers say passes the same readability bar as the knowledge base."""

from __future__ import annotations

import statistics

from bot.advice.about_sources import sources_replies
from bot.advice.activities import locate_activity, stage_overview, suggest_activities
from bot.advice.compare import compare_activities
from bot.advice.consultation import consultation_replies
from bot.advice.did_you_mean import did_you_mean, something_else
from bot.advice.handover import Contact, ConversationFacts, handover_replies
from bot.advice.invitation import invitation_replies
from bot.advice.involvement import Preferences, involvement_replies
from bot.advice.person_centred import summary_replies
from bot.advice.planning import FACTORS, help_to_choose, recommend_level, understood_so_far
from bot.advice.reply import Reply
from bot.advice.support import COMMITMENTS, GROUPS, support_replies
from bot.channels.privacy import PRIVACY_NOTE
from bot.feedback.buttons import thanks
from bot.knowledge import Knowledge
from bot.knowledge.readability import MIN_MEAN, MIN_SCORE, MIN_SHARE_AT_OR_ABOVE, report, score_texts
from bot.plans import builder
from bot.plans.document import build_document, to_markdown
from bot.training import quiz, tour
from bot.training.questions import all_questions
from tests.advice.test_invitation import FULL


def _composed(knowledge: Knowledge) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []

    def add(where, replies):
        texts.extend((where, r.text) for r in replies if r.text)

    for stage in ("understand", "do"):
        add(f"suggest {stage}", suggest_activities(knowledge, stage, "consultation", "citizens"))
        add(f"overview {stage}", stage_overview(knowledge, stage, "cyp"))
    add("locate", locate_activity(knowledge, "where does mystery shopping fit?"))
    add("invitation", invitation_replies(knowledge, FULL))
    for commitment in COMMITMENTS:
        add(f"support {commitment}", support_replies(knowledge, commitment, GROUPS))
    add("consultation", consultation_replies(knowledge, "a six-week consultation, online only"))
    for wanted in ("consultation", "participation"):
        advice = recommend_level(knowledge, wanted, dict.fromkeys(FACTORS[:2], True))
        texts.append((f"level advice {wanted}", advice.text))
    add("involvement", involvement_replies(knowledge, Preferences(how="online", help_needed="carer, BSL")))
    add("person-centred notes", summary_replies(knowledge, {"what-matters": "my garden"}))
    texts.extend((f"not sure which {asking}", help_to_choose(knowledge, asking)) for asking in ("stage", "audience"))
    texts.append(("privacy note", PRIVACY_NOTE))
    state, intro = quiz.start(knowledge, 1)
    add("quiz intro", intro)
    for kind_question in {q.kind: q for q in all_questions(knowledge).values()}.values():
        texts.append((f"quiz {kind_question.kind}", kind_question.prompt))
        texts.append((f"quiz feedback {kind_question.kind}", kind_question.explanation))
    state, _ = quiz.ask(knowledge, state)
    state, _ = quiz.record(knowledge, state, quiz.WRONG)
    add("quiz summary", quiz.summary(knowledge, state))
    for position in range(len(tour.steps(knowledge))):
        add(f"tour step {position}", [tour.show(knowledge, position), tour.more(knowledge, position)])
    add("tour end", [tour.finished()])
    add("compare", compare_activities(knowledge, "compare mystery shopping and young inspectors"))
    add("which one", compare_activities(knowledge, "compare a panel and questionnaires"))
    add("did you mean", did_you_mean(knowledge, "money stuff", [("plan_support", 0.3)]) or [])
    add("something else", something_else())
    add("handover", handover_replies(knowledge, Contact(team="the Engagement Team", email="e@example.org"),
                                     ConversationFacts(typed=("what is co-production?",))))
    add("handover default", handover_replies(knowledge, Contact(), ConversationFacts()))
    add("feedback", [thanks(True), thanks(False)])
    add("about the sources", sources_replies(knowledge))
    add("planning so far", [Reply(text=understood_so_far(knowledge, "do", "consultation", "cyp") or "")])
    plan = builder.start(knowledge, "")
    for choice in ("audience:citizens", builder.SKIP, "level:consultation"):
        add(f"plan question {plan.step}", [builder.prompt(knowledge, plan)])
        plan, said = builder.hear(knowledge, plan, "", choice)
        add(f"plan reply {plan.step}", said)
    add("plan levels help", [builder.level_help(knowledge)])
    # The plan document minus the invitation draft, which is the invitation composer's text (scored above).
    markdown = to_markdown(build_document(knowledge, plan)).split("## Invitation draft")[0]
    texts.extend(("plan document", part) for part in markdown.split("\n\n") if not part.startswith("#"))
    return texts


def test_composed_answers_are_plain(knowledge: Knowledge):
    # Source lines are citations (titles of documents), not prose the bot wrote: leave them out of the score.
    texts = [
        (where, "\n".join(line for line in text.splitlines() if not line.startswith("Source:")))
        for where, text in _composed(knowledge)
    ]
    scored = score_texts(texts)
    print(report(scored))
    assert sum(s.score >= MIN_SCORE for s in scored) / len(scored) >= MIN_SHARE_AT_OR_ABOVE, report(scored)
    assert statistics.fmean(s.score for s in scored) >= MIN_MEAN, report(scored)
