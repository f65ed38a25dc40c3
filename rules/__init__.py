"""garblint's rules, one module per family of corruption.

Every module here is imported by :func:`garblint.lint.rule.load_rules`; defining a
:class:`~garblint.lint.rule.Rule` subclass with a code registers it. Families:
N names, D duplicated blocks, R repetition, Q quotes and brackets, G garbled sentences,
U untranslated fragments, B boilerplate, P punctuation and spacing, E encoding and characters,
O OCR, S spelling, L LanguageTool, X garblint's own directives (unused suppressions).
"""
