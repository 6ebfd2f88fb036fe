"""The exception tree.  Raised only when no output is possible; everything
recoverable becomes a `Discrepancy` or `Residue` instead."""

from __future__ import annotations


class PolicyParseError(Exception):
    """Base of every error policy_parse raises on purpose.  `path` is the
    input it concerns when that was a file (`parse` sets it), else None."""

    path: str | None = None


class InputNotFoundError(PolicyParseError, FileNotFoundError):
    """The path does not exist or is not a readable file."""


class UnsupportedFormatError(PolicyParseError, ValueError):
    """The bytes are no format policy_parse reads (and not a legacy one)."""


class LegacyFormatError(UnsupportedFormatError):
    """A legacy binary Office file (.doc/.wps/.xls): convert it to .docx first."""


class CorruptFileError(PolicyParseError, ValueError):
    """The file claims a format but its content is damaged or truncated."""


class EncryptedDocumentError(PolicyParseError):
    """The document is encrypted and no (correct) password was given."""


class NoTextLayerError(PolicyParseError, ValueError):
    """A PDF with no extractable text (scanned pages) that OCR did not read."""


class OcrNotInstalledError(NoTextLayerError):
    """A scanned PDF, and the `[ocr]` extra that would read it is not installed."""


class InputTooLargeError(PolicyParseError, ValueError):
    """The input, or what it expands to, exceeds the configured limits."""


class DocumentTimeoutError(InputTooLargeError):
    """One document took longer than `Limits.document_seconds` (--timeout)."""


class NumberTooLongError(InputTooLargeError):
    """A measure number with more digits than any notice uses (damaged input)."""


class DecodingError(PolicyParseError, UnicodeError):
    """Text bytes in no encoding policy_parse recognises."""


class EmptyDocumentError(PolicyParseError, ValueError):
    """The input holds no text at all."""


class NotANoticeError(PolicyParseError, ValueError):
    """The input reads as text but holds no measure and no table row: a README,
    a password file, a page of one letter repeated.  Parsing it "successfully"
    would report a notice with nothing to disagree about."""


class AliasFileError(PolicyParseError, ValueError):
    """A user's alias file (--aliases) is missing or not the documented TOML."""


class NoParentItemsError(NotANoticeError):
    """`cover`'s parent policy parses but yields no numbered item: nothing
    for the notice to cover (a notice without a numbered list, a cover letter)."""
