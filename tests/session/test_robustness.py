"""Nothing a user can type or set may raise: bad input is reported and the last trace kept."""

import math
import random

from visualrnn.session import LessonConfig, LessonSession

ALPHABET = "0123456789 ,;.-+eE\n\tabcxyz，；、。－０１２３４５６７８９nanif∞ \u3000\u200b"


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))


def test_random_typing_never_raises_and_keeps_a_finite_trace(qtbot):
    session = LessonSession(LessonConfig())
    rng = random.Random(1234)
    for _ in range(400):
        text = _random_text(rng)
        accepted = session.set_input_text(text)
        assert accepted == ("input" not in session.errors)
        session.set_targets_text(_random_text(rng))
        assert session.T >= 1 and session.trace.h.shape[0] == session.T
        session.set_cursor(rng.randint(-5, session.T + 5))
        assert 0 <= session.cursor <= session.T


BAD_SETTINGS = [
    {"hidden_size": 0},
    {"hidden_size": -3},
    {"hidden_size": 10**6},
    {"hidden_size": 2.5},
    {"spectral_radius": math.nan},
    {"spectral_radius": -1.0},
    {"spectral_radius": math.inf},
    {"clip": 0.0},
    {"clip": math.nan},
    {"truncate": 0},
    {"truncate": -2},
    {"forget_bias": math.inf},
    {"input_scale": 0.0},
    {"seed": -1},
    {"cell": "transformer"},
    {"activation": "softsign"},
    {"loss": "hinge"},
    {"loss_at": "middle"},
    {"input_mode": "audio"},
    {"model_source": "file"},
    {"output_size": 0},
    {"loss": "ce", "targets_text": "0.5, 1"},
    {"no_such_setting": 1},
]


def test_every_bad_setting_is_reported_by_name_and_changes_nothing(qtbot):
    session = LessonSession(LessonConfig())
    for change in BAD_SETTINGS:
        before = session.result
        messages = []
        session.error_changed.connect(lambda _s, m, out=messages: out.append(m))
        assert not session.update(**change), change
        assert session.result is before, change
        assert any(messages), change
        session.error_changed.disconnect()
        session.update()  # a good update clears the error again


def test_exploding_values_are_reported_not_raised(qtbot):
    config = LessonConfig(
        cell="rnn",
        hidden_size=8,
        model_source="init",
        activation="identity",
        init_scheme="orthogonal",
        spectral_radius=50.0,
        input_text="1 " * 400,
    )
    session = LessonSession(config)
    assert not session.trace.finite and not session.grads.finite
    session.jump_to_end()
    assert session.cursor == 400
