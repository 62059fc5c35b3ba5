"""``python -m jinan_gov`` runs the command line."""

from jinan_gov.cli import run

run()
