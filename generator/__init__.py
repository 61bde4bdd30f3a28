"""Uppföljningsrapporter för stadsdelsnämnder: läs, kontrollera, sammanställ och publicera."""

__version__ = "0.1.0"
