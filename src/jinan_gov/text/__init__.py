"""Chinese text without domain knowledge: the bundled sources and their normalisation,
Chinese numerals, and the wording of targets.

- :mod:`jinan_gov.text.sources`: the raw gazette text, its documents and verbatim quotes;
- :mod:`jinan_gov.text.normalize`: PDF artefacts, full-width forms and traditional characters;
- :mod:`jinan_gov.text.numerals`: Chinese numerals ↔ integers;
- :mod:`jinan_gov.text.wording`: how a target or outcome is written in words.
"""

from __future__ import annotations

__all__: tuple[str, ...] = ()


def __dir__() -> list[str]:
    return list(__all__)
