"""`vb import`: a report exported as text from the city's reporting system, brought into the format.

The export's lines are cleaned (`lines`), walked by a small reader that knows the
report's fixed headings (`reader`), and matched against the year's catalogue by
number and name (`build`). Whatever cannot be placed is kept, with its source
line, and listed: nothing is dropped silently and no value is invented.
"""
