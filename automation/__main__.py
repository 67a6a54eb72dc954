"""`python -m automation` runs the command line."""

from automation.cli import main

main()
