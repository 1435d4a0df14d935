"""`python -m ipu_cli` runs the same entry point as the `ipu` script."""

from ipu_cli.entry import main

main()
