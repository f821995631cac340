"""Job postings: read a posting into what it requires, prefers and names as duties.

:func:`read_job` reads a posting file or text into a :class:`~cvgap.types.JobPosting`;
``cvgap job show`` prints what it understood; see ``docs/job-postings.md``.
"""

from cvgap.job.read import read_job

__all__ = ["read_job"]
