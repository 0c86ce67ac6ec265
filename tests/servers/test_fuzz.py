"""Random hostile input against the running REST channel (hypothesis, bounded): never a 5xx, the server stays up.

Bounded in count and time so `make test` stays quick; the fixed cases in test_bad_input.py cover the known shapes.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.servers.conftest import RestClient, joined

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
messages = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=50),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(min_value=2_000, max_value=100_000)),
    json_values,
)
senders = st.one_of(st.text(max_size=200), st.integers(), st.none(), st.builds(lambda n: "s" * n, st.integers(1, 20_000)))
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


@FUZZ
@given(sender=senders, message=messages)
def test_random_messages_and_senders_never_get_a_5xx(client: RestClient, sender, message):
    data = json.dumps({"sender": sender, "message": message}).encode("utf-8", "surrogatepass")
    result = client.raw(data)
    assert result.status < 500, result
    if result.status == 200:
        assert "Traceback" not in joined(result.body or [])


@FUZZ
@given(body=st.binary(max_size=2_000) | json_values.map(lambda v: json.dumps(v).encode()),
       content_type=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", ""]))
def test_random_bodies_and_content_types_never_get_a_5xx(client: RestClient, body, content_type):
    assert client.raw(body, content_type=content_type).status < 500


def test_the_server_still_answers_after_the_fuzzing(client: RestClient):
    assert "I'm Involve" in joined(client.send("after-fuzz", "hello").body)
