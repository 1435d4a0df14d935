"""ipu: case files, validation, decisions and letters for the IPU Committee
on the Human Rights of Parliamentarians.

Keep this module empty of imports: `ipu show` must start fast.
"""

__version__ = "0.1.0"
