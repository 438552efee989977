"""What the intake officer and the translator open: review page, summary, letter, XLIFF.

Every writer here works from the extract.json object (a plain dict), not from
the pipeline's internal objects, so an extract that was post-edited, rebuilt
or produced by an older version renders the same way.  `card` turns the
extract into the summary card that the HTML page, the Markdown summary and
the request-for-information letter all show.
"""
