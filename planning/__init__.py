"""Planning views' data, without Qt: calendar entries for a date range, their layout, dates.

The calendar, the year timeline and the dashboard of ``desktop/`` paint what these functions
return; everything here can be tested (and benchmarked) without a display.
"""
