"""The web chat page in a real browser: Debian's headless Chromium driven by Playwright.

Screenshots land in build/test-output/screenshots/ so a person can see what the page looked like.
"""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.knowledge import get_knowledge
from tests.conftest import PROJECT_ROOT

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = PROJECT_ROOT / "build" / "test-output" / "screenshots"
# Without the networking flags Chromium keeps trying to reach Google, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BOT_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def browser(stack) -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs Debian's chromium package")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page_url(stack) -> str:
    return f"http://localhost:{stack.ports.web}/"


@contextmanager
def open_chat(browser, url: str, width: int = 1000, height: int = 900) -> Iterator[object]:
    """A fresh browser tab on the page, greeted by the bot; fails the test if the page threw a script error."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        # The page sends /greet when it connects; the greeting proves the socket.io round trip works.
        page.locator(".rw-response").first.wait_for(timeout=BOT_TIMEOUT_MS)
        yield page
        assert not errors, errors
    finally:
        context.close()


def send(page, text: str) -> None:
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")


def bot_text(page) -> str:
    return " ".join(page.locator(".rw-response").all_inner_texts())


def contrast_ratio(page, selector: str) -> float:
    """WCAG contrast of an element's text colour against the first opaque background behind it."""
    return page.eval_on_selector(
        selector,
        """element => {
            const rgb = s => s.match(/[\\d.]+/g).map(Number);
            const lum = ([r, g, b]) => {
                const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            };
            let node = element, bg = null;
            while (node && node.nodeType === 1) {
                const value = rgb(getComputedStyle(node).backgroundColor);
                if (value.length < 4 || value[3] > 0) { bg = value; break; }
                node = node.parentElement;
            }
            const fg = lum(rgb(getComputedStyle(element).color)), back = lum(bg || [255, 255, 255]);
            return (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
        }""",
    )


def test_page_files_are_served_with_a_strict_security_policy(stack):
    with urllib.request.urlopen(f"http://127.0.0.1:{stack.ports.web}/") as response:  # noqa: S310 - loopback
        policy = response.headers["Content-Security-Policy"]
        html = response.read().decode()
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    # Everything the page loads comes from this machine: no CDN.
    assert not re.search(r"(src|href)=\"https?://", html)


def test_planning_question_shows_suggestions_and_the_matrix_view(browser, page_url):
    knowledge = get_knowledge()
    cell = knowledge.cell("review", "consultation", "cyp")
    with open_chat(browser, page_url) as page:
        send(page, "We're reviewing our youth service and want feedback from young people")
        matrix = page.get_by_test_id("matrix")
        matrix.wait_for(timeout=BOT_TIMEOUT_MS)
        chosen = matrix.locator(".matrix-cell--chosen")
        assert chosen.count() == 1
        assert chosen.locator("xpath=../th").inner_text() == cell.stage.name
        assert "your choice" in chosen.inner_text()
        assert cell.activities[0].name in bot_text(page)
        page.screenshot(path=str(SCREENSHOTS / "suggestions-and-matrix.png"), full_page=True)

        # A quick reply, pressed with the keyboard as a keyboard user would.
        answers_before = page.locator(".rw-response").count()
        reply = page.locator(".rw-reply", has_text="Draft an invitation").last
        reply.focus()
        reply.press("Enter")
        page.locator(".rw-client", has_text="Draft an invitation").wait_for(timeout=BOT_TIMEOUT_MS)
        page.wait_for_function("n => document.querySelectorAll('.rw-response').length > n", arg=answers_before,
                               timeout=BOT_TIMEOUT_MS)
        page.screenshot(path=str(SCREENSHOTS / "after-quick-reply.png"), full_page=True)


def test_the_page_is_usable_by_keyboard_and_screen_reader(browser, page_url):
    with open_chat(browser, page_url) as page:
        assert page.get_by_role("log", name="Conversation").count() == 1
        assert page.get_by_role("textbox", name="Your message").count() == 1
        assert page.get_by_role("button", name="Send").count() == 1
        first_reply = page.locator(".rw-reply").first
        assert first_reply.get_attribute("role") == "button"
        assert first_reply.get_attribute("tabindex") == "0"
        # The first Tab reaches the skip link, which leads to the chat.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        for selector in (".page-header h1", ".rw-response .rw-markdown", ".rw-reply", ".hint"):
            assert contrast_ratio(page, selector) >= 4.5, selector


def test_the_page_works_on_a_320_pixel_wide_screen(browser, page_url):
    with open_chat(browser, page_url, width=320, height=640) as page:
        send(page, "We are buying a new youth service and want to co-produce it with teenagers")
        page.get_by_test_id("matrix").wait_for(timeout=BOT_TIMEOUT_MS)
        fits = page.eval_on_selector(".matrix-scroll", "box => box.querySelector('table').scrollWidth <= box.clientWidth")
        assert fits, "the matrix table should fit a 320 px screen without sideways scrolling"
        page.screenshot(path=str(SCREENSHOTS / "narrow-320px.png"), full_page=True)
        page_width = page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= 320, f"the page scrolls sideways ({page_width} px)"


def test_a_member_of_the_public_finds_ways_to_take_part_by_pressing_skip(browser, page_url):
    with open_chat(browser, page_url) as page:
        send(page, "how can I get involved?")
        for question in range(4):
            # A chosen quick reply disappears, so the Skip on screen is always the newest question's.
            page.locator(".rw-reply", has_text="Skip").last.click(timeout=BOT_TIMEOUT_MS)
            page.locator(".rw-client", has_text="Skip").nth(question).wait_for(timeout=BOT_TIMEOUT_MS)
        page.locator(".rw-response", has_text="Support and payments").wait_for(timeout=BOT_TIMEOUT_MS)
        text = bot_text(page)
        assert "ways to take part" in text
        assert "What to expect" in text
        assert "benefits" in text
        # Five messages from the person: the question and four skips.
        assert page.locator(".rw-client").count() == 5
        page.screenshot(path=str(SCREENSHOTS / "community-member.png"), full_page=True)


def test_the_plan_can_be_downloaded_as_markdown_and_a_printable_page(browser, page_url):
    with open_chat(browser, page_url) as page:
        for text in ("plan engagement for the whole project", "adults", "skip", "skip", "skip", "skip",
                     "we want to work together as equals", "1", "no", "a one-off survey"):
            count = page.locator(".rw-response").count()
            send(page, text)
            page.wait_for_function("n => document.querySelectorAll('.rw-response').length > n", arg=count,
                                   timeout=BOT_TIMEOUT_MS)
        send(page, "none of these")
        panel = page.get_by_test_id("plan-export")
        panel.wait_for(timeout=BOT_TIMEOUT_MS)
        # The plan's last message follows the download panel; clicking while it still arrives can hit a link that
        # is being re-drawn, and the download is lost.
        page.get_by_text("You can copy this plan").wait_for(timeout=BOT_TIMEOUT_MS)
        assert "# Engagement plan" in bot_text(page) or "Engagement plan" in bot_text(page)
        page.screenshot(path=str(SCREENSHOTS / "plan-download.png"), full_page=True)
        contents = {}
        for name, link in (("md", "Download the plan (Markdown)"), ("html", "Download a printable page (HTML)")):
            with page.expect_download() as download:
                panel.get_by_text(link).click()
            contents[name] = Path(download.value.path()).read_text(encoding="utf-8")
            assert download.value.suggested_filename == f"engagement-plan.{name}"
        assert contents["md"].startswith("# Engagement plan") and "Stage 4: Review" in contents["md"]
        assert contents["html"].startswith("<!doctype html>") and "<h1>Engagement plan</h1>" in contents["html"]
