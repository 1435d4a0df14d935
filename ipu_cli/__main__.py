"""`python -m ipu_cli` runs the same entry point as the `ipu` script."""

from .entry import main

main()
