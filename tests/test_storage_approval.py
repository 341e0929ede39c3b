"""Approval (issue 9, item 1): only the version sent for review, only in review, not by its own author.

The rule is the storage's `check_move`, the same for every kind of draft subject.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import TINY_ORG
from toteuma.core.records import TextKind

__all__ = ["TINY_ORG"]

pytestmark = pytest.mark.django_db

KEY = ("1100", "2024-03", "commentary")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The refusals' words in English, which the matches below look for."""
    from toteuma.core.messages import use_language

    with use_language("en"):
        yield


def _printed() -> str:
    from toteuma import storage

    return storage.text("1100", TextKind.COMMENTARY, 2024, "2024-03")


def test_a_draft_never_sent_for_review_is_not_approved(tiny_org: object) -> None:
    from toteuma.storage import workflow

    saved = workflow.save_draft(*KEY, "Ei tarkastettu.", "", 0, "anna")
    with pytest.raises(workflow.WorkflowError, match="only from ready for review"):
        workflow.set_state(*KEY, "approved", "carl", version=saved.version)
    assert _printed() == ""
    assert workflow.draft(*KEY).state == "draft"  # type: ignore[union-attr]


def test_a_text_saved_after_it_was_sent_is_not_approved(tiny_org: object) -> None:
    from toteuma.storage import workflow

    workflow.save_draft(*KEY, "Tarkastettava.", "", 0, "anna")
    sent = workflow.set_state(*KEY, "ready", "anna")
    workflow.save_draft(*KEY, "Muutettu lähettämisen jälkeen.", "", sent.version, "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state(*KEY, "approved", "carl", version=sent.version)
    assert _printed() == ""


def test_only_the_version_the_approver_saw_is_approved(tiny_org: object) -> None:
    """Sent, changed and sent again while the approver read the first version: their approval fails."""
    from toteuma.storage import workflow

    workflow.save_draft(*KEY, "Ensimmäinen.", "", 0, "anna")
    seen = workflow.set_state(*KEY, "ready", "anna")
    changed = workflow.save_draft(*KEY, "Toinen, lukematon.", "", seen.version, "anna")
    workflow.set_state(*KEY, "ready", "anna", version=changed.version)
    with pytest.raises(workflow.WorkflowError, match="not version"):
        workflow.set_state(*KEY, "approved", "carl", version=seen.version)
    with pytest.raises(workflow.WorkflowError, match="version"):
        workflow.set_state(*KEY, "approved", "carl")  # no version: nothing says what was reviewed
    assert _printed() == ""
    current = workflow.draft(*KEY)
    assert current is not None
    workflow.set_state(*KEY, "approved", "carl", version=current.version)
    assert _printed() == "Toinen, lukematon."


def test_an_author_does_not_approve_their_own_text_unless_the_setting_allows(tiny_org: object) -> None:
    from toteuma.storage import workflow

    workflow.save_draft(*KEY, "Annan teksti.", "", 0, "anna")
    edited = workflow.save_draft(*KEY, "Annan ja Carlin teksti.", "", 1, "carl")
    sent = workflow.set_state(*KEY, "ready", "anna", version=edited.version)
    assert sent.authors == ("anna", "carl")
    with pytest.raises(workflow.WorkflowError, match="wrote part of this text"):
        workflow.set_state(*KEY, "approved", "carl", version=sent.version)
    assert _printed() == ""
    done = workflow.set_state(*KEY, "approved", "carl", version=sent.version, self_approval=True)
    assert (done.state, done.authors, _printed()) == ("approved", (), "Annan ja Carlin teksti.")


def test_send_back_and_resend_follow_the_states(tiny_org: object) -> None:
    from toteuma.storage import workflow

    saved = workflow.save_draft(*KEY, "Teksti.", "", 0, "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state(*KEY, "draft", "carl", "Korjaa.")  # not under review: nothing to send back
    sent = workflow.set_state(*KEY, "ready", "anna", version=saved.version)
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state(*KEY, "ready", "anna")  # already under review
    back = workflow.set_state(*KEY, "draft", "carl", "Korjaa.", version=sent.version)
    assert (back.state, back.review_comment) == ("draft", "Korjaa.")


def test_any_registered_subject_kind_follows_the_same_rules(tiny_org: object) -> None:
    """A kind of draft added later (a forecast, say) registers what approval writes; the rules hold."""
    from toteuma.storage import workflow

    published: list[str] = []
    workflow.register_publisher("forecast-test", lambda draft, _key: published.append(draft.text))
    subject = ("1100", "2024-03", "forecast-test:4000")
    saved = workflow.save_draft(*subject, "Ennuste 1 200 000.", "", 0, "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state(*subject, "approved", "carl", version=saved.version)
    sent = workflow.set_state(*subject, "ready", "anna")
    with pytest.raises(workflow.WorkflowError):
        workflow.set_state(*subject, "approved", "anna", version=sent.version)
    workflow.set_state(*subject, "approved", "carl", version=sent.version)
    assert published == ["Ennuste 1 200 000."]
