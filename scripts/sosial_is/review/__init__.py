"""What reviewers of a change see besides the checks: ``curriculum_diff`` (what a pull request
does to the curriculum, in tk, ru and en, for the job summary)."""
