from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Keep the default run well under the 3-minute budget on 2 cores; CI can ask for more.
settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
