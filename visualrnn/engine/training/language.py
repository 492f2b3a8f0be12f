"""Language tasks: the textbook's sky colour example, and next-character text models.

``sky_color`` turns the chapter's long-dependency example (§8.1: "某地开设了大量工厂，
空气污染十分严重……这里的天空都是灰色的") into a task: a cause opens the sequence, L neutral
filler tokens follow, then "天空 是", and the network must output the colour word at the last
step. ``text`` is the classic character model: predict the next character, then sample.
"""

from __future__ import annotations

import numpy as np

from ..forward import forward_batch
from ..model import Model
from .tasks import Batch, Task, one_hot

#: Causes that decide the colour, each (token, English gloss); the first three → 灰色.
POLLUTED = (("工厂", "factory"), ("污染", "pollution"), ("烟雾", "smog"))
CLEAN = (("青山", "green hills"), ("绿水", "clear water"), ("森林", "forest"))
#: Neutral filler tokens: they carry no information about the colour.
FILLERS = (
    ("这里", "here"),
    ("有", "has"),
    ("很多", "many"),
    ("人", "people"),
    ("每天", "every day"),
    ("上班", "go to work"),
    ("街道", "streets"),
    ("房子", "houses"),
    ("学校", "school"),
    ("商店", "shops"),
    ("汽车", "cars"),
    ("孩子", "children"),
    ("早上", "morning"),
    ("晚上", "evening"),
    ("城市", "city"),
    ("生活", "life"),
)
QUERY = (("天空", "sky"), ("是", "is"))
COLOURS = (("灰色", "grey"), ("蓝色", "blue"))

#: The default texts of the ``text`` task, one per language.
DEFAULT_TEXTS = {
    "zh": (
        "某地开设了大量工厂，空气污染十分严重，这里的天空都是灰色的。"
        "大海的颜色是蓝色。后来工厂关了，青山绿水回来了，这里的天空又是蓝色的。"
    ),
    "en": (
        "the sky is blue and the sea is blue. a town opened many factories and the air "
        "was dirty, so the sky there was grey. later the factories closed, the hills "
        "turned green again, and the sky was blue once more. "
    ),
}


class SkyColorTask(Task):
    """The textbook's sky colour example with a lag of L filler tokens; T = L + 3 steps.

    Tokens (one-hot, I = 24): a cause at t = 0 (工厂 / 污染 / 烟雾 → 灰色; 青山 / 绿水 /
    森林 → 蓝色), L fillers drawn from neutral words, then 天空, 是. The class at the last
    step is the colour (ce; O = 2: 灰色, 蓝色). L = 0 is the short-range case the chapter
    contrasts it with ("大海的颜色是蓝色"): the cause sits right before the question.
    """

    name = "sky_color"
    loss_kind = "ce"
    default_length = 10
    min_length = 0
    length_meaning = "the number L of filler tokens between the cause and the sky"
    symbols = tuple(t for t, _ in POLLUTED + CLEAN + FILLERS + QUERY)
    classes = tuple(t for t, _ in COLOURS)
    glosses = dict(POLLUTED + CLEAN + FILLERS + QUERY + COLOURS)
    input_size = len(symbols)
    output_size = 2
    chance = 0.5
    threshold = 0.99
    description_en = (
        "Sky colour (the textbook's long-term dependency example): the first word makes "
        "the air dirty (工厂 factory, 污染 pollution, 烟雾 smog) or clean (青山 green hills, "
        "绿水 clear water, 森林 forest); after L unrelated words the network must say the "
        "sky is grey or blue."
    )
    description_zh = (
        "天空的颜色（教材中的长期依赖例子）：第一个词让空气变脏（工厂、污染、烟雾）"
        "或保持清新（青山、绿水、森林），经过 L 个无关的词之后，循环神经网络须说出天空"
        "是灰色还是蓝色。"
    )

    @property
    def steps(self) -> int:
        return self.length + 3

    def sample(self, rng, n):
        L, n_causes = self.length, len(POLLUTED) + len(CLEAN)
        cause = rng.integers(0, n_causes, n)
        fillers = n_causes + rng.integers(0, len(FILLERS), (n, L))
        query = np.broadcast_to(n_causes + len(FILLERS) + np.arange(2), (n, 2))
        tokens = np.concatenate([cause[:, None], fillers, query], axis=1)
        colour = (cause >= len(POLLUTED)).astype(np.int64)
        return self._last_step_batch(one_hot(tokens, self.input_size), colour)


class TextTask(Task):
    """Next-character prediction on a text: windows of T characters, ce at every step.

    x_t is the one-hot character at position s + t, the target the class of the character
    at s + t + 1 (s a random start). The vocabulary is the text's sorted distinct characters.
    Chance is the frequency of the commonest character; solved at test accuracy ≥ 0.95.
    """

    name = "text"
    loss_kind = "ce"
    default_length = 20
    min_length = 1
    length_meaning = "the window T of characters per sequence"
    threshold = 0.95
    description_en = (
        "Text: at every step the network reads one character and predicts the next one; "
        "sampled afterwards, it writes text of its own."
    )
    description_zh = (
        "文本：循环神经网络每个时刻读入一个字符并预测下一个字符；训练后可以用它逐字生成文本。"
    )

    def __init__(self, length=None, text: str | None = None, language: str = "en"):
        super().__init__(length)
        if text is None:
            if language not in DEFAULT_TEXTS:
                raise ValueError(f"text: no default text in {language!r}; choose en or zh")
            text = DEFAULT_TEXTS[language]
        if not isinstance(text, str) or len(text) < 2:
            raise ValueError("text: the text needs at least 2 characters")
        if self.length > len(text) - 1:
            raise ValueError(
                f"text: the text has {len(text)} characters, so the length can be at most "
                f"{len(text) - 1}, not {self.length}"
            )
        self.text = text
        self.vocabulary = "".join(sorted(set(text)))
        self.symbols = self.classes = tuple(self.vocabulary)
        self.input_size = self.output_size = len(self.vocabulary)
        index = {ch: k for k, ch in enumerate(self.vocabulary)}
        self.codes = np.array([index[ch] for ch in text], dtype=np.int64)
        self.chance = float(np.max(np.bincount(self.codes)) / len(self.codes))

    def sample(self, rng, n):
        T = self.length
        start = rng.integers(0, len(self.text) - T, n)
        codes = self.codes[start[:, None] + np.arange(T + 1)]
        mask = np.ones((n, T), dtype=bool)
        x = one_hot(codes[:, :-1], self.input_size)
        return Batch(x, codes[:, 1:].copy(), mask, mask.copy())

    def encode(self, text: str) -> np.ndarray:
        """Characters → one-hot rows (T, V); raises ValueError for a character not in V."""
        missing = sorted(set(text) - set(self.vocabulary))
        if missing:
            raise ValueError(f"text: {''.join(missing)!r} not in the vocabulary")
        return one_hot(np.array([self.vocabulary.index(ch) for ch in text]), self.input_size)


def sample_text(
    model: Model,
    vocabulary: str,
    prime: str,
    n: int,
    *,
    temperature: float = 1.0,
    rng: np.random.Generator | None = None,
) -> str:
    """Let a trained character model write ``n`` characters after ``prime``.

    The state (h_t, and c_t for cells that have one) is carried from step to step. Each
    character is drawn from softmax(y_t / τ) with τ = ``temperature``; τ = 0 takes the
    most likely character (argmax).

    Parameters
    ----------
    model : Model with O = V = len(vocabulary) outputs and I = V inputs.
    prime : str, at least one character of the vocabulary, read before sampling.
    n : int, the number of characters to write.
    """
    if temperature < 0 or not np.isfinite(temperature):
        raise ValueError(f"temperature must be ≥ 0, not {temperature}")
    if not prime or set(prime) - set(vocabulary):
        raise ValueError("the prime must be non-empty text from the vocabulary")
    rng = np.random.default_rng(0) if rng is None else rng
    V = len(vocabulary)
    x = one_hot(np.array([vocabulary.index(ch) for ch in prime]), V)[None]
    out, states = [], {}
    for _ in range(n):
        cache = forward_batch(model, x, states.get("h"), states.get("c"))
        states = {k: cache[k][-1] for k in ("h", "c") if k in cache}
        k = _draw(cache["y"][-1, 0], temperature, rng)
        out.append(vocabulary[k])
        x = one_hot(np.array([k]), V)[None]
    return "".join(out)


def _draw(y: np.ndarray, temperature: float, rng: np.random.Generator) -> int:
    """One class from softmax(y / τ) (argmax for τ = 0)."""
    if temperature == 0:
        return int(np.argmax(y))
    z = y / temperature
    p = np.exp(z - np.max(z))
    return int(rng.choice(len(y), p=p / p.sum()))
