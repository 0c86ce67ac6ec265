"""The Teams input and output channels: Rasa's Bot Framework channel made safe to start offline and strict on auth.

Registered in ``credentials.yml`` as ``bot.channels.teams.channel.TeamsInput``; the webhook for the Azure bot's
messaging endpoint is ``/webhooks/teams/webhook``. Settings come only from environment variables (see settings.py
and the README). Replies are posted in the background, so the Connector gets its answer (202) at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import aiohttp
from rasa.core.channels.botframework import BotFrameworkInput
from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.guard import guarded
from bot.channels.teams import activity as incoming
from bot.channels.teams import cards
from bot.channels.teams.auth import AuthError, FetchJson, TokenValidator
from bot.channels.teams.connector import ConnectorClient, ConnectorError, fetch_json
from bot.channels.teams.settings import TeamsSettings

logger = logging.getLogger(__name__)


class TeamsOutput(OutputChannel):
    """Replies to one incoming activity, in the same conversation."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(self, client: ConnectorClient, activity: dict[str, Any]) -> None:
        self.client = client
        self.service_url = str(activity.get("serviceUrl", ""))
        self.conversation = activity.get("conversation") or {}
        self.bot = activity.get("recipient") or {}
        self.user = activity.get("from") or {}
        self.reply_to_id = activity.get("id") if isinstance(activity.get("id"), str) else None

    async def _post(self, reply: dict[str, Any]) -> None:
        reply.update(
            {
                "from": self.bot,
                "recipient": self.user,
                "conversation": self.conversation,
                **({"replyToId": self.reply_to_id} if self.reply_to_id else {}),
            }
        )
        try:
            await self.client.reply(self.service_url, str(self.conversation.get("id", "")), self.reply_to_id, reply)
        except (aiohttp.ClientError, ConnectorError, OSError, TimeoutError) as error:
            logger.error("Could not deliver a reply to Teams: %s", error)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post(cards.text_activity(text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._post(cards.buttons_activity(text, buttons))

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._post(cards.buttons_activity(text, quick_replies))

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        reply = cards.custom_activity(json_message)
        if reply is not None:
            await self._post(reply)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._post(cards.message(image))

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self._post(cards.message(str(attachment)))


def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - sanic raises its own errors for malformed JSON
        return {}
    return body if isinstance(body, dict) else {}


class TeamsInput(BotFrameworkInput):
    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TeamsInput:
        if credentials and ("app_password" in credentials or "app_id" in credentials):
            logger.warning("Teams credentials in credentials.yml are ignored: set TEAMS_APP_ID and TEAMS_APP_PASSWORD")
        return cls(TeamsSettings.from_env())

    # Rasa's constructor downloads Microsoft's keys at once; ours waits for the first request.
    def __init__(self, settings: TeamsSettings, fetch: FetchJson = fetch_json) -> None:  # noqa: D107
        self.settings = settings
        self.app_id = settings.app_id
        self.app_password = settings.app_password
        self.validator = TokenValidator(settings, fetch)
        self.client = ConnectorClient(settings)
        self._tasks: set[asyncio.Task] = set()

    def _in_background(self, work: Awaitable[Any]) -> None:
        async def run() -> None:
            try:
                await work
            except Exception:  # noqa: BLE001 - one failed turn must not be lost silently nor stop the server
                logger.exception("A Teams message could not be handled")

        task = asyncio.ensure_future(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = guarded(on_new_message)
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok", "configured": self.settings.configured})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.settings.configured:
                logger.warning("A Teams request arrived but TEAMS_APP_ID / TEAMS_APP_PASSWORD are not set")
                return response.json({"error": "Teams is not set up on this server."},
                                     status=HTTPStatus.SERVICE_UNAVAILABLE)
            activity = _json_body(request)
            try:
                await self.validator.validate(request.headers.get("Authorization"), activity)
            except AuthError as error:
                # The reason only: never the token.
                logger.warning("Refused a Teams request from %s: %s", request.remote_addr or request.ip, error)
                return response.json({"error": "Unauthorized"}, status=HTTPStatus.UNAUTHORIZED)

            text = incoming.user_text(activity)
            sender = incoming.sender_id(activity)
            if text is None or sender is None or incoming.conversation_id(activity) is None:
                return response.json({}, status=HTTPStatus.OK)
            message = UserMessage(
                text=text,
                output_channel=TeamsOutput(self.client, activity),
                sender_id=sender,
                input_channel=self.name(),
            )
            self._in_background(handle(message))
            return response.json({}, status=HTTPStatus.ACCEPTED)

        return teams_webhook
