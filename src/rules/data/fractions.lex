# Fraction words: "one-third", "two thirds", "a half". [den=N] is the denominator.
[den=2]
half|halves
[den=3]
third|thirds
[den=4]
quarter|quarters
[den=5]
fifth|fifths
[den=10]
tenth|tenths
